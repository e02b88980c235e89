import lzString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { BATCH_ALL, DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { ARTICLE_XOR } from '../fixtures/article.ts';
import { DEFAULT_VIEW, hiddenPanels, isHidden } from '../../src/share/embed.ts';
import {
  decodeHash,
  encodeHash,
  MAX_HASH_CHARS,
  POINTS_LINK_LIMIT,
  pointsFromText,
  pointsToText,
  splitHash,
} from '../../src/share/hash.ts';

const spiral: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'spiral',
  hidden: [8, 8, 4],
  learningRate: 0.003,
  features: ['x', 'y', 'sinX', 'x2'],
  seed: 4294967295,
  dataSeed: 0,
  speed: 10,
  showTestData: true,
  theme: 'projector',
};

describe('encodeHash', () => {
  it('writes readable key=value pairs with the format version', () => {
    const { hash } = encodeHash(spiral);
    expect(hash).toBe(
      '#v=1&dataset=spiral&dataSeed=0&noise=0&samples=500&train=50&classes=3&features=x,y,sinX,x2&hidden=8,8,4' +
        '&activation=tanh&problem=classification&loss=mse&output=tanh&init=uniform&seed=4294967295&batch=10&optimizer=sgd' +
        '&lr=0.003&momentum=0.9&reg=none&regRate=0&dropout=0&schedule=constant&clip=0&speed=10&showTest=1' +
        '&discretize=0&theme=projector&tfpgExact=0&tfSeed=',
    );
  });

  it('round-trips a config exactly', () => {
    const r = decodeHash(encodeHash(spiral).hash);
    expect(r.config).toEqual(spiral);
    expect(r.notices).toEqual([]);
    expect(r.source).toBe('native');
  });

  it('writes no hidden layer as an empty list', () => {
    const c = { ...DEFAULT_CONFIG, hidden: [] };
    expect(encodeHash(c).hash).toContain('&hidden=&');
    expect(decodeHash(encodeHash(c).hash).config.hidden).toEqual([]);
  });

  it('keeps numbers bit for bit', () => {
    const c = { ...DEFAULT_CONFIG, learningRate: 0.1 + 0.2, noise: 1e-7, momentum: 0.123456789012345 };
    expect(decodeHash(encodeHash(c).hash).config).toEqual(c);
  });

  it('carries custom points compressed with lz-string', () => {
    const points = [
      { x: 1.25, y: -2, label: 1 },
      { x: -5.999, y: 0.001, label: 0 },
    ];
    const c: ExperimentConfig = { ...DEFAULT_CONFIG, dataset: 'custom', points };
    const enc = encodeHash(c);
    expect(enc.pointsOmitted).toBe(false);
    const packed = /[#&]points=([^&]*)/.exec(enc.hash)![1]!;
    expect(lzString.decompressFromEncodedURIComponent(packed)).toBe('1.25,-2,1;-5.999,0.001,0');
    expect(decodeHash(enc.hash).config.points).toEqual(points);
  });

  it('leaves points out above the stated size and says so', () => {
    // Random coordinates compress badly: 2,000 of them pass the limit.
    let s = 7;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 12 - 6;
    const points = Array.from({ length: 2000 }, () => ({ x: rnd(), y: rnd(), label: s % 2 }));
    const enc = encodeHash({ ...DEFAULT_CONFIG, dataset: 'custom', points });
    expect(enc.pointsOmitted).toBe(true);
    expect(enc.pointsChars).toBeGreaterThan(POINTS_LINK_LIMIT);
    expect(enc.hash).toContain('points=file');
    expect(enc.hash.length).toBeLessThan(2000);
    const dec = decodeHash(enc.hash);
    expect(dec.pointsOmitted).toBe(true);
    expect(dec.config.points).toEqual([]);
    expect(dec.notices.map((n) => n.field)).toEqual(['points']);
  });

  it('writes and reads the view: hide, views, embed', () => {
    const view = {
      hide: ['learningRate' as const, 'data' as const],
      views: ['output' as const, 'chart' as const],
      embed: true,
    };
    const enc = encodeHash(DEFAULT_CONFIG, view);
    expect(enc.hash).toMatch(/&hide=data,learningRate&views=output,chart&embed=1$/);
    const dec = decodeHash(enc.hash);
    expect(dec.view).toEqual({ hide: ['data', 'learningRate'], views: ['output', 'chart'], embed: true });
    expect([...hiddenPanels(dec.view)].sort()).toEqual(['data', 'features', 'hyper', 'network']);
    expect(isHidden(dec.view, 'share')).toBe(true);
    expect(isHidden(dec.view, 'batchSize')).toBe(false);
  });
});

describe('decodeHash', () => {
  it('gives the defaults for an empty hash, without notices', () => {
    for (const h of ['', '#', '#&&']) {
      const r = decodeHash(h);
      expect(r.config).toEqual(DEFAULT_CONFIG);
      expect(r.notices).toEqual([]);
      expect(r.source).toBe('empty');
      expect(r.view).toEqual(DEFAULT_VIEW);
    }
  });

  it('reads a partial, hand-written link and aliases in views=', () => {
    const r = decodeHash('#dataset=xor&hidden=3&lr=0.1&views=boundary,loss&batchSize_hide=true&x_hide=1');
    expect(r.config).toEqual({ ...DEFAULT_CONFIG, dataset: 'xor', hidden: [3], learningRate: 0.1 });
    expect(r.view).toEqual({ hide: ['batchSize', 'x'], views: ['output', 'chart'], embed: false });
    expect(r.notices).toEqual([]);
  });

  it('reports bad values by field and keeps the rest', () => {
    const r = decodeHash('#v=1&dataset=spiral&lr=NaN&regRate=1e308&hidden=9999,2&features=x,evil&showTest=maybe');
    expect(r.config.dataset).toBe('spiral');
    expect(r.config.learningRate).toBe(0.03);
    expect(r.config.regularizationRate).toBe(10);
    expect(r.config.hidden).toEqual([16, 2]);
    expect(r.config.features).toEqual(['x']);
    expect(r.notices.map((n) => n.field).sort()).toEqual([
      'features',
      'hidden',
      'learningRate',
      'regularizationRate',
      'showTestData',
    ]);
  });

  it('decodes percent-escapes, survives malformed ones', () => {
    expect(decodeHash('#dataset=%73piral').config.dataset).toBe('spiral');
    const r = decodeHash('#dataset=%E0%A4%A&lr=%');
    expect(r.config.dataset).toBe('circle');
    expect(r.notices.map((n) => n.field)).toEqual(['dataset', 'learningRate']);
  });

  it('escapes script text in a value and reports it, never echoing more than a snippet', () => {
    const evil = '<script>alert(1)</script>'.repeat(10);
    const r = decodeHash(`#v=1&dataset=${encodeURIComponent(evil)}&theme=${encodeURIComponent(evil)}`);
    expect(r.config.dataset).toBe('circle');
    expect(r.notices).toHaveLength(2);
    for (const n of r.notices) expect(n.message.length).toBeLessThan(300);
  });

  it('refuses a hash over the size limit with one notice', () => {
    const r = decodeHash(`#v=1&dataset=xor&junk=${'a'.repeat(MAX_HASH_CHARS)}`);
    expect(r.source).toBe('rejected');
    expect(r.config).toEqual(DEFAULT_CONFIG);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]!.field).toBe('link');
  });

  it('reports an unknown format version and unknown names in hide=', () => {
    const r = decodeHash('#v=7&dataset=xor&hide=data,nope');
    expect(r.config.dataset).toBe('xor');
    expect(r.view.hide).toEqual(['data']);
    expect(r.notices.map((n) => n.field)).toEqual(['v', 'hide']);
  });

  it('reports points that are not an lz-string stream', () => {
    const r = decodeHash('#v=1&dataset=custom&points=@@@@');
    expect(r.config.points).toEqual([]);
    expect(r.notices.map((n) => n.field)).toEqual(['points']);
  });

  it('splits pairs; later keys win; a key without = has an empty value', () => {
    const m = splitHash('#a=1&a=2&b&c=x%3Dy');
    expect([...m]).toEqual([
      ['a', '2'],
      ['b', ''],
      ['c', 'x=y'],
    ]);
  });
});

describe('settings of issue 10 in links', () => {
  const article = ARTICLE_XOR;

  it("writes the article's experiment (sigmoid output, squared error, batch all, 100%) and reads it back", () => {
    const { hash } = encodeHash(article);
    expect(hash).toContain('&loss=mse&output=sigmoid&');
    expect(hash).toContain('&batch=all&');
    expect(hash).toContain('&train=100&');
    const r = decodeHash(hash);
    expect(r.config).toEqual(article);
    expect(r.notices).toEqual([]);
  });

  it('gives a link without output the default output of its loss, silently (older links)', () => {
    expect(decodeHash('#v=1&dataset=circle&loss=bce')).toMatchObject({ config: { output: 'sigmoid' }, notices: [] });
    expect(decodeHash('#v=1&dataset=circle&loss=mse')).toMatchObject({ config: { output: 'tanh' }, notices: [] });
    expect(decodeHash('#v=1&dataset=regPlane&problem=regression')).toMatchObject({
      config: { output: 'linear' },
      notices: [],
    });
    expect(decodeHash('#v=1&dataset=blobs&problem=multiclass&loss=softmaxCe')).toMatchObject({
      config: { output: 'softmax' },
      notices: [],
    });
  });

  it('refuses an output its loss does not allow, with a notice in the words on the page', () => {
    const r = decodeHash('#v=1&dataset=circle&loss=bce&output=tanh');
    expect(r.config.output).toBe('sigmoid');
    expect(r.notices).toEqual([
      {
        field: 'output',
        message:
          'Output: Tanh does not work with Cross-entropy on a classification problem (it can be Sigmoid); using Sigmoid.',
      },
    ]);
    const soft = decodeHash('#v=1&dataset=circle&loss=mse&output=softmax');
    expect(soft.config.output).toBe('tanh');
    expect(soft.notices[0]!.message).toContain('it can be Tanh, Sigmoid, Linear');
    const bad = decodeHash('#v=1&dataset=regPlane&problem=regression&output=relu');
    expect(bad.config.output).toBe('linear');
    expect(bad.notices[0]!.message).toBe(
      'Output: "relu" is not an output activation (Sigmoid, Tanh, Linear, Softmax); using Linear.',
    );
  });

  it('keeps old speed links (1, 10, 100, max) and reads any epochs per second, clamped', () => {
    for (const s of ['1', '10', '100']) expect(decodeHash(`#v=1&speed=${s}`).config.speed).toBe(Number(s));
    expect(decodeHash('#v=1&speed=max').config.speed).toBe('max');
    expect(decodeHash('#v=1&speed=30').config.speed).toBe(30);
    const fast = decodeHash('#v=1&speed=5000');
    expect(fast.config.speed).toBe(1000);
    expect(fast.notices.map((n) => n.field)).toEqual(['speed']);
    expect(decodeHash('#v=1&speed=0').config.speed).toBe(DEFAULT_CONFIG.speed);
    expect(decodeHash('#v=1&speed=fast').notices[0]!.message).toContain('max or a number of epochs per second');
  });

  it('reads batch sizes from 1 to 500 and all; larger ones are clamped to 500', () => {
    expect(decodeHash('#v=1&batch=500').config.batchSize).toBe(500);
    expect(decodeHash('#v=1&batch=all').config.batchSize).toBe(BATCH_ALL);
    const big = decodeHash('#v=1&batch=900');
    expect(big.config.batchSize).toBe(500);
    expect(big.notices[0]!.message).toContain('clamped');
  });
});

describe('points text', () => {
  it('round-trips and rejects malformed text', () => {
    const pts = [{ x: -0.5, y: 1e-9, label: 2 }];
    expect(pointsFromText(pointsToText(pts))).toEqual(pts);
    expect(pointsFromText('')).toEqual([]);
    expect(pointsFromText('1,2')).toBeNull();
    expect(pointsFromText('1,2,x')).toBeNull();
  });
});
