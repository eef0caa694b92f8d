import nodemailer from "nodemailer";

/** A message as every channel takes it: a subject line and plain lines of text. */
export interface OutgoingMessage {
  subject: string;
  lines: string[];
}

export type WebhookFormat = "wecom" | "dingtalk" | "feishu";

/** Where messages go, from the environment: SMTP_URL for e-mail, WEBHOOK_URL (+ WEBHOOK_FORMAT) for a group-chat robot. */
export interface Channels {
  mail: ((to: string, message: OutgoingMessage) => Promise<void>) | null;
  webhook: ((message: OutgoingMessage) => Promise<void>) | null;
}

/** The JSON body each group-chat robot expects: 企业微信 and 钉钉 take markdown, 飞书 plain text. */
export function webhookBody(format: WebhookFormat, message: OutgoingMessage): unknown {
  const text = message.lines.join("\n");
  switch (format) {
    case "wecom":
      return { msgtype: "markdown", markdown: { content: `**${message.subject}**\n${text}` } };
    case "dingtalk":
      return { msgtype: "markdown", markdown: { title: message.subject, text: `### ${message.subject}\n${message.lines.map((l) => `- ${l}`).join("\n")}` } };
    case "feishu":
      return { msg_type: "text", content: { text: `${message.subject}\n${text}` } };
  }
}

const FORMATS: readonly WebhookFormat[] = ["wecom", "dingtalk", "feishu"];

export function channelsFromEnv(env: NodeJS.ProcessEnv = process.env): Channels {
  const smtp = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim() || "Landfall <landfall@localhost>";
  const transport = smtp ? nodemailer.createTransport(smtp) : null;
  const hook = env.WEBHOOK_URL?.trim();
  const format = (FORMATS as readonly string[]).includes(env.WEBHOOK_FORMAT ?? "") ? (env.WEBHOOK_FORMAT as WebhookFormat) : "wecom";
  return {
    mail: transport
      ? async (to, message) => {
          await transport.sendMail({ from, to, subject: message.subject, text: message.lines.join("\n") });
        }
      : null,
    webhook: hook
      ? async (message) => {
          const response = await fetch(hook, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(webhookBody(format, message)), signal: AbortSignal.timeout(10_000) });
          if (!response.ok) throw new Error(`webhook answered ${response.status}`);
        }
      : null,
  };
}
