import nodemailer from "nodemailer";

/** A message as every channel takes it: a subject line and plain lines of text. */
export interface OutgoingMessage {
  subject: string;
  lines: string[];
}

export const WEBHOOK_FORMATS = ["wecom", "dingtalk", "feishu"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** A group-chat robot: where to post and in which vendor's format. */
export interface Webhook {
  url: string;
  format: WebhookFormat;
}

/**
 * Where messages go: e-mail through SMTP_URL, and group-chat robots — each team's own (set by an
 * admin on the team) or, for a team without one, the deployment's WEBHOOK_URL (+ WEBHOOK_FORMAT).
 */
export interface Channels {
  mail: ((to: string, message: OutgoingMessage) => Promise<void>) | null;
  /** Posts to a robot; null where the deployment may not post at all. */
  post: ((hook: Webhook, message: OutgoingMessage) => Promise<void>) | null;
  /** The robot of a team that has none of its own. */
  defaultWebhook: Webhook | null;
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

/** The vendor a robot's address belongs to, where its host says so. */
export function webhookVendor(url: string): WebhookFormat | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host === "qyapi.weixin.qq.com") return "wecom";
  if (host === "oapi.dingtalk.com") return "dingtalk";
  if (host === "open.feishu.cn" || host === "open.larksuite.com") return "feishu";
  return null;
}

export const isWebhookFormat = (v: unknown): v is WebhookFormat => (WEBHOOK_FORMATS as readonly unknown[]).includes(v);

/** Posts one message to a robot; a robot that answers other than 2xx fails the job, which is retried. */
export async function postToWebhook(hook: Webhook, message: OutgoingMessage): Promise<void> {
  const response = await fetch(hook.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(webhookBody(hook.format, message)), signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
}

export function channelsFromEnv(env: NodeJS.ProcessEnv = process.env): Channels {
  const smtp = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim() || "Landfall <landfall@localhost>";
  const transport = smtp ? nodemailer.createTransport(smtp) : null;
  const hook = env.WEBHOOK_URL?.trim();
  return {
    mail: transport
      ? async (to, message) => {
          await transport.sendMail({ from, to, subject: message.subject, text: message.lines.join("\n") });
        }
      : null,
    post: postToWebhook,
    defaultWebhook: hook ? { url: hook, format: isWebhookFormat(env.WEBHOOK_FORMAT) ? env.WEBHOOK_FORMAT : "wecom" } : null,
  };
}

/** A team's own robot, else the deployment's. */
export function teamWebhook(channels: Channels, team: { webhookUrl: string | null; webhookFormat: string | null }): Webhook | null {
  if (!channels.post) return null;
  if (team.webhookUrl) return { url: team.webhookUrl, format: isWebhookFormat(team.webhookFormat) ? team.webhookFormat : "wecom" };
  return channels.defaultWebhook;
}
