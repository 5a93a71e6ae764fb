import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'Northwind voice concierge',
  description: 'Talk to Northwind Pay support',
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="antialiased">{children}</body>
    </html>
  );
}
