import cron from 'node-cron'
import nodemailer from 'nodemailer'
import { genkit } from 'genkit'
import openAI, { gpt4oMini } from 'genkitx-openai'

const ai = genkit({ plugins: [openAI({ apiKey: process.env.OPENAI_API_KEY })], model: gpt4oMini })
const mailer = nodemailer.createTransport({ host: 'smtp.northwind.internal', port: 587 })

async function openTicketsCsv(): Promise<string> {
  const res = await fetch('https://helpdesk.northwind.internal/api/tickets?status=open&format=csv')
  return res.text()
}

// Weekday mornings: one paragraph on what the support queue looks like, to the on-call lead.
cron.schedule('0 7 * * 1-5', async () => {
  const { text } = await ai.generate({ prompt: `Summarise today's open support tickets in one paragraph:\n${await openTicketsCsv()}` })
  await mailer.sendMail({ from: 'helpdesk-bot@northwind.example', to: 'support-oncall@northwind.example', subject: 'Support queue digest', text })
})
