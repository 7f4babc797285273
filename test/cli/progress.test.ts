import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mapOrdered } from '../../server/src/cli/check';
import { Terminal, type OutStream } from '../../server/src/cli/progress';

class FakeStream implements OutStream {
  chunks: string[] = [];
  constructor(public isTTY: boolean) {}
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
}

describe('progress bar', () => {
  it('draws on a TTY stderr for more than 200 files and clears itself at the end', async () => {
    const stdout = new FakeStream(false);
    const stderr = new FakeStream(true);
    const terminal = new Terminal(stdout, stderr);
    terminal.startProgress(250, 'Checking');
    for (let i = 0; i < 250; i++) terminal.tick();
    assert.match(stderr.text, /^\r\x1b\[2KChecking ░+ 1\/250/);
    assert.match(stderr.text, /\r\x1b\[2KChecking █+ 250\/250/);
    terminal.err('a.txt: skipped: binary');
    assert.ok(stderr.text.endsWith('\r\x1b[2Ka.txt: skipped: binary\n'), 'a message first clears the bar');
    terminal.tick();
    terminal.stopProgress();
    await terminal.out('✔ No problems in 250 files\n');
    await terminal.flush();
    assert.equal(stdout.text, '✔ No problems in 250 files\n');
    assert.ok(stderr.text.endsWith('\r\x1b[2K'), 'the bar is cleared at the end');
  });

  it('never draws when stderr is not a TTY, or for few files', () => {
    const piped = new FakeStream(false);
    const terminal = new Terminal(new FakeStream(false), piped);
    terminal.startProgress(5000, 'Checking');
    for (let i = 0; i < 5000; i++) terminal.tick();
    terminal.stopProgress();
    assert.equal(piped.text, '');
    const tty = new FakeStream(true);
    const small = new Terminal(new FakeStream(false), tty);
    small.startProgress(200, 'Checking');
    small.tick();
    small.stopProgress();
    assert.equal(tty.text, '');
  });
});

describe('mapOrdered', () => {
  it('keeps input order with at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const work = async (n: number): Promise<number> => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
      inFlight--;
      return n * 2;
    };
    const items = Array.from({ length: 40 }, (_, i) => i);
    const results: number[] = [];
    for await (const value of mapOrdered(items, 4, work)) results.push(value);
    assert.deepEqual(results, items.map((n) => n * 2));
    assert.ok(most <= 4 && most > 1, `at most 4 in flight, saw ${most}`);
  });
});
