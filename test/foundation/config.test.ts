import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('runs with no settings at all: the terminal study group on the default database', () => {
    const c = loadConfig({});
    expect(c.slackEnabled).toBe(false);
    expect(c.discordEnabled).toBe(false);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
    expect(c.CATCHUP_WINDOW_MINUTES).toBe(360);
    expect(c.LOG_LEVEL).toBe('info');
  });

  it('leaves the AI coach unset by default, with its limits at their defaults', () => {
    const c = loadConfig({});
    expect(c.aiEnabled).toBe(false);
    expect([c.LLM_TIMEOUT_MS, c.LLM_REQUESTS_PER_MINUTE, c.LLM_DAILY_REQUESTS]).toEqual([8000, 20, 500]);
    const on = loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'llama3.1:8b' });
    expect(on.aiEnabled).toBe(true);
    expect(on.LLM_API_KEY).toBeUndefined();
  });

  it('says what is wrong with the AI coach settings, all at once', () => {
    expect(problems({ LLM_BASE_URL: 'localhost:8080' })).toEqual([
      expect.stringMatching(/LLM_BASE_URL must be the http\(s\) address .* http:\/\/127\.0\.0\.1:8080\/v1/),
      expect.stringMatching(/LLM_BASE_URL is set but LLM_MODEL is not/),
    ]);
    expect(problems({ LLM_MODEL: 'qwen', LLM_TIMEOUT_MS: '100' }).join('\n')).toMatch(
      /LLM_TIMEOUT_MS must be between 500 and 120000[\s\S]*LLM_BASE_URL is not/,
    );
    expect(problems({ LLM_BASE_URL: 'http://h/v1', LLM_MODEL: 'm', LLM_REQUESTS_PER_MINUTE: '0' })).toEqual([
      expect.stringMatching(/LLM_REQUESTS_PER_MINUTE must be at least 1/),
    ]);
  });

  it('treats blank values as unset', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: '  ', PORT: '' });
    expect(c.slackEnabled).toBe(false);
    expect(c.PORT).toBe(3000);
  });

  it('lists every problem at once, each saying what to do', () => {
    const list = problems({ PORT: 'eighty', LOG_LEVEL: 'loud', SLACK_BOT_TOKEN: 'xoxp-user-token' });
    expect(list).toHaveLength(4);
    expect(list.join('\n')).toMatch(/PORT must be a whole number/);
    expect(list.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    expect(list.join('\n')).toMatch(/SLACK_BOT_TOKEN must be a bot token starting with xoxb-/);
    expect(list.join('\n')).toMatch(/SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET/);
  });

  it('the error message is one readable block that points at .env.example', () => {
    try {
      loadConfig({ DISCORD_APPLICATION_ID: 'abc' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toMatch(/^Starling cannot start: one setting is wrong\./);
      expect(message).toMatch(/DISCORD_APPLICATION_ID must be the numeric application id/);
      expect(message).toMatch(/\.env\.example/);
    }
  });

  it('accepts a complete Slack socket-mode setup and a Discord token together', () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAx.GabcdE.abcdefghijklmnopqrstuvwx',
    });
    expect(c.slackEnabled).toBe(true);
    expect(c.discordEnabled).toBe(true);
  });

  it('requires all three OAuth settings together, plus the signing secret', () => {
    const list = problems({ SLACK_CLIENT_ID: '1.2', SLACK_APP_TOKEN: 'xapp-1' });
    expect(list.join('\n')).toMatch(/needs all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/);
    const oauth = problems({
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 's',
      SLACK_STATE_SECRET: 't',
      SLACK_APP_TOKEN: 'xapp-1',
    });
    expect(oauth.join('\n')).toMatch(/needs SLACK_SIGNING_SECRET/);
  });

  it('refuses a catch-up window of 0, which would skip every scheduled question', () => {
    expect(problems({ CATCHUP_WINDOW_MINUTES: '0' }).join()).toMatch(/CATCHUP_WINDOW_MINUTES must be at least 1/);
  });

  it('rejects a non-URL API base', () => {
    expect(problems({ SLACK_API_URL: 'slack.com/api' }).join()).toMatch(/SLACK_API_URL must be an http\(s\) URL/);
  });

  it('takes a Discord token pasted with its "Bot " prefix', () => {
    const c = loadConfig({ DISCORD_TOKEN: 'Bot MTAwMDAwMDAwMDAwMDAwMDAx.GabcdE.abcdefghijklmnopqrstuvwx' });
    expect(c.DISCORD_TOKEN).toBe('MTAwMDAwMDAwMDAwMDAwMDAx.GabcdE.abcdefghijklmnopqrstuvwx');
  });
});
