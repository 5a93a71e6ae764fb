import { tool } from "@langchain/core/tools";
import nodemailer from "nodemailer";
import { z } from "zod";

const transport = nodemailer.createTransport({ host: "smtp.northwind-pay.example", port: 587, auth: { user: "ops-bot", pass: process.env.SMTP_PASSWORD } });

export const sendStatusEmail = tool(
  async ({ to, subject, body }) => {
    const info = await transport.sendMail({ from: "ops-bot@northwind-pay.example", to, subject, text: body });
    return `sent ${info.messageId}`;
  },
  {
    name: "send_status_email",
    description: "Email a status update to a merchant contact.",
    schema: z.object({ to: z.string().email(), subject: z.string(), body: z.string() }),
  },
);
