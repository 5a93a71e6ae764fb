import type { UpcomingSection } from '../../app/routes';

interface UpcomingSectionCopy {
  title: string;
  /** What will fill this page, and with which import: the page says it plainly instead of showing sample data. */
  whatFillsIt: string;
  arrivesWith: string;
}

export const UPCOMING_SECTION_COPY: Record<UpcomingSection, UpcomingSectionCopy> = {
  reports: {
    title: 'Reports',
    whatFillsIt:
      'Executive PDF: one card per agent answering what it can access, what prevents it from doing harm, who owns it, and how you would know within five minutes if it went wrong.',
    arrivesWith: 'reporting',
  },
};
