// How `/prep mock` reads what is typed after it, and the limits its arguments keep.
import { describe, expect, it } from 'vitest';
import { member } from '../../adapters/memory/index';
import { UserError } from '../../src/chat/errors';
import { parseArgs, rawArgs } from '../../src/chat/registry';
import type { CommandEvent } from '../../src/chat/types';
import { parseMockText } from '../../src/mock/command';
import { practiceRegistry } from '../../src/practice/commands';

const mock = practiceRegistry().get('mock');
const commandEvent: CommandEvent = {
  type: 'command',
  name: 'mock',
  text: '',
  workspace: 'memory:W1',
  channel: 'memory:W1:C1',
  author: member('U1'),
  at: new Date(0),
  reply: async () => {},
};
const read = (text: string) => {
  if (!mock) throw new Error('no mock command');
  return parseArgs(mock, rawArgs(mock, { ...commandEvent, text }));
};

describe('/prep mock arguments', () => {
  it('reads stop, a trailing number of questions, and the words before it', () => {
    expect(parseMockText('stop')).toEqual({ stop: true });
    expect(parseMockText('chop behavioral 5')).toEqual({ questions: '5', words: ['chop', 'behavioral'] });
    expect(parseMockText('"harvard medical school"')).toEqual({ words: ['harvard medical school'] });
    expect(parseMockText('')).toEqual({});
  });

  it('keeps the number of questions between 1 and 10, and says so', () => {
    expect(read('chop 10')).toMatchObject({ questions: 10 });
    expect(() => read('chop 0')).toThrow(/at least 1 question/);
    expect(() => read('chop 11')).toThrow(UserError);
    expect(() => read('chop 11')).toThrow(/at most 10 questions/);
  });
});
