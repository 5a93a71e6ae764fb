import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587, auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD } });

export async function sendCustomerEmail(to: string, subject: string, body: string) {
  const info = await transport.sendMail({ from: 'support@acme-pay.example', to, subject, text: body });
  return { messageId: info.messageId };
}
