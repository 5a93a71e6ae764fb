import VoiceDesk from '@/components/VoiceDesk';

export default function Home() {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1>Card dispute desk</h1>
      <VoiceDesk />
    </main>
  );
}
