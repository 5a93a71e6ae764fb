import { useId } from 'react';
import { ANSWER_QUESTION_LABELS, ANSWER_QUESTIONS, answeredCount, type Answer, type AnswerCard as AnswerCardData, type AnswerQuestion } from '../../../../shared/answer-card';
import { Badge } from '../../ui/Badge';
import { EvidenceToggle } from './EvidenceToggle';

/** The four questions of the "Done" phase for one agent: each answered or not, what is missing in red, the evidence one click away. */
export function AnswerCard({ answers }: { answers: AnswerCardData }) {
  const titleId = useId();
  const count = answeredCount(answers);
  return (
    <section className={count === ANSWER_QUESTIONS.length ? 'profile-card answer-card answer-card--done' : 'profile-card answer-card'} aria-labelledby={titleId}>
      <div className="profile-card__head">
        <h2 id={titleId}>Answer card</h2>
        <span className={count === ANSWER_QUESTIONS.length ? 'answer-card__count answer-card__count--done' : 'answer-card__count'}>
          {count} of {ANSWER_QUESTIONS.length} answered
        </span>
      </div>
      <ul className="answer-card__questions">
        {ANSWER_QUESTIONS.map((q) => (
          <AnswerItem key={q} question={q} answer={answers[q]} />
        ))}
      </ul>
    </section>
  );
}

function AnswerItem({ question, answer }: { question: AnswerQuestion; answer: Answer }) {
  const titleId = useId();
  const label = ANSWER_QUESTION_LABELS[question];
  return (
    <li className={answer.answered ? 'answer' : 'answer answer--gap'} aria-labelledby={titleId}>
      <div className="answer__head">
        <h3 id={titleId}>{label}</h3>
        <Badge tone={answer.answered ? 'success' : 'danger'}>{answer.answered ? 'Answered' : 'Not answered'}</Badge>
      </div>
      <p className="answer__summary">{answer.summary}</p>
      {answer.gaps.length > 0 && (
        <ul className="answer__gaps" aria-label={`Gaps in: ${label}`}>
          {answer.gaps.map((gap) => (
            <li key={gap}>{gap}</li>
          ))}
        </ul>
      )}
      <EvidenceToggle label={label} evidence={answer.evidence} />
    </li>
  );
}
