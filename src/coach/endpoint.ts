// The one place that talks to the AI endpoint: an OpenAI-compatible chat-completions API
// through the official client, with our own deadline and backoff (the client's retries are
// off, so nothing is retried past the deadline). It returns what happened, never throws.
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

export interface EndpointSettings {
  baseURL: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

export interface JsonRequest {
  system: string;
  user: string;
  /** The JSON schema the reply must follow (sent as response_format). */
  schemaName: string;
  schema: Record<string, unknown>;
}

type Outcome =
  | { ok: true; content: string }
  | { ok: false; reason: 'timeout' | 'unreachable' | 'refused' | 'overloaded' | 'empty'; detail: string };

export interface Endpoint {
  readonly model: string;
  /** Where answer text goes: the endpoint's host, as settings show it. */
  readonly host: string;
  complete(request: JsonRequest): Promise<Outcome>;
}

const FIRST_BACKOFF_MS = 250;

/** 429 and 5xx are worth another try; the rest are not. */
function retryable(err: unknown): err is APIError {
  return err instanceof APIError && err.status !== undefined && (err.status === 429 || err.status >= 500);
}

/** How long to wait before the next try: Retry-After when the server says, else doubling. */
function backoffMs(err: APIError, attempt: number): number {
  const header = err.headers?.get('retry-after');
  const after = header ? Number(header) : Number.NaN;
  if (Number.isFinite(after) && after >= 0) return after * 1000;
  return FIRST_BACKOFF_MS * 2 ** attempt;
}

function failure(err: unknown): Outcome {
  if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) {
    return { ok: false, reason: 'timeout', detail: 'no reply before the deadline' };
  }
  if (err instanceof APIError && err.status === undefined) {
    return { ok: false, reason: 'unreachable', detail: err.message };
  }
  if (retryable(err)) return { ok: false, reason: 'overloaded', detail: `HTTP ${err.status}` };
  if (err instanceof APIError) return { ok: false, reason: 'refused', detail: `HTTP ${err.status}: ${err.message}` };
  return { ok: false, reason: 'unreachable', detail: (err as Error).message };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createEndpoint(settings: EndpointSettings): Endpoint {
  const client = new OpenAI({
    baseURL: settings.baseURL,
    // local servers take no key; the client insists on one
    apiKey: settings.apiKey ?? 'no-key',
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });
  const send = (request: JsonRequest, timeout: number) =>
    client.chat.completions.create(
      {
        model: settings.model,
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.user },
        ],
        temperature: 0.3,
        max_tokens: 400,
        response_format: {
          type: 'json_schema',
          json_schema: { name: request.schemaName, schema: request.schema, strict: true },
        },
      },
      { timeout, maxRetries: 0 },
    );

  async function complete(request: JsonRequest): Promise<Outcome> {
    const deadline = Date.now() + settings.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await send(request, Math.max(1, deadline - Date.now()));
        const content = reply.choices?.[0]?.message?.content?.trim();
        return content ? { ok: true, content } : { ok: false, reason: 'empty', detail: 'the reply had no content' };
      } catch (err) {
        const wait = retryable(err) ? backoffMs(err, attempt) : Number.POSITIVE_INFINITY;
        // a retry that could not finish before the deadline is not made
        if (Date.now() + wait + 50 >= deadline) return failure(err);
        await sleep(wait);
      }
    }
  }

  return { model: settings.model, host: new URL(settings.baseURL).host, complete };
}
