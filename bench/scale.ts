// The scaling table of a --scale run: one row per corpus size, with each cost per 1,000 articles
// (and the memory added per 1,000 articles since the previous row), so that linear growth shows as
// a constant column. Generation time is listed but is in no other figure.
import type { CorpusRun } from './main';
import { count, mb, ms, table } from './lib';
import { verdict } from './targets';

export function formatScale(runs: readonly CorpusRun[]): string {
  const perK = (value: number | undefined, articles: number, digits = 2) => (value === undefined || Number.isNaN(value) ? '–' : ((value / articles) * 1000).toFixed(digits));
  const rows = runs.map((run, i) => {
    const { articles, bytes, generateSeconds } = run.corpus;
    const cli = run.cli?.nassaq;
    const server = run.server;
    const rss = server?.rssAfterIndex;
    const previous = runs[i - 1];
    const previousRss = previous?.server?.rssAfterIndex;
    const addedRss = rss !== undefined && previousRss !== undefined ? ((rss - previousRss) / 1e6 / (articles - previous.corpus.articles)) * 1000 : undefined;
    const keystroke = server?.editing?.pull.p95;
    const references = server?.navigation?.requests.find((r) => r.target === 'references')?.stats.p95;
    return [
      count(articles),
      mb(bytes),
      `${generateSeconds.toFixed(1)} s`,
      cli ? `${(cli.wallMs / 1000).toFixed(1)} s` : '–',
      cli ? perK(cli.wallMs / 1000, articles) : '–',
      cli ? perK(cli.cpuMs / 1000, articles) : '–',
      cli ? count(Math.round(cli.filesPerSecond)) : '–',
      server ? `${(server.indexMs / 1000).toFixed(1)} s` : '–',
      server ? perK(server.indexMs / 1000, articles) : '–',
      server ? perK(server.indexCpuMs === undefined ? undefined : server.indexCpuMs / 1000, articles) : '–',
      rss === undefined ? '–' : mb(rss),
      addedRss === undefined ? '–' : addedRss.toFixed(1),
      keystroke === undefined ? '–' : ms(keystroke),
      references === undefined ? '–' : ms(references),
    ];
  });
  const last = runs[runs.length - 1];
  return [
    table(['articles', 'size', 'generated in', 'CLI wall', 'CLI s/1k', 'CLI CPU s/1k', 'CLI files/s', 'index', 'index s/1k', 'index CPU s/1k', 'RSS indexed', 'MB/1k added', 'keystroke p95 ms', 'references p95 ms'], rows),
    `Largest corpus against the targets: index ${verdict('index', last.server?.indexMs)}, RSS ${verdict('serverRss', last.server?.rssAfterIndex)}, keystroke ${verdict('keystroke', last.server?.editing?.pull.p95)}`,
    '(s/1k: seconds per 1,000 articles, constant if the cost is linear; CPU s/1k is steadier than wall time on a busy machine;',
    ' MB/1k added: RSS added per 1,000 articles since the row above)',
  ].join('\n');
}
