/**
 * Full-text matching and ranking of the in-memory directory, equal to PostgreSQL's for the queries the search makes:
 * `search_vector @@ to_tsquery('dutch', q)` and `round(ts_rank_cd(search_vector, q)::numeric, 6)`.
 *
 * PostgreSQL still does the language work (stemming and stop words, in `to_tsvector` when a service is written and in
 * `to_tsquery` once per query text); this module reads their text output and repeats the two cheap parts, the
 * boolean match and the cover-density rank, over the positions. The rank follows PostgreSQL's calc_rank_cd
 * (src/backend/utils/adt/tsrank.c) for the default weights and normalisation 0: covers are found the same way, in the
 * same order, with the same noise count, and the sum is rounded to a float4 before it becomes a numeric with 6
 * significant digits (float4_numeric), then rounded to 6 decimals. `test/directory-model.test.ts` compares both over
 * every service and many queries.
 *
 * Queries with operators other than & and | (phrase, negation) or with weight restrictions are not handled here
 * ({@link parseTsQuery} returns undefined) and the search falls back to SQL.
 */

/** A tsvector as parsed from its text output: lexemes in storage order, each with its positions and weights. */
export interface ParsedVector {
  /** Lexeme ids (see {@link Lexicon}), in the order PostgreSQL stores them (sorted). */
  lexemes: Int32Array;
  /** Start of each lexeme's positions in `positions`; one more entry than lexemes. */
  offsets: Int32Array;
  /** Positions (1–16383), ascending per lexeme. */
  positions: Uint16Array;
  /** Weight per position: 0 = D, 1 = C, 2 = B, 3 = A (as WEP_GETWEIGHT). */
  weights: Uint8Array;
}

/** Interns lexemes so vectors store numbers, and answers prefix look-ups over the whole vocabulary. */
export class Lexicon {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  private sorted: number[] | undefined;

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      this.sorted = undefined;
    }
    return id;
  }

  /** Ids of every lexeme equal to `word`, or starting with it when `prefix`. */
  matching(word: string, prefix: boolean): number[] {
    if (!prefix) {
      const id = this.ids.get(word);
      return id === undefined ? [] : [id];
    }
    this.sorted ??= this.words.map((_, i) => i).sort((a, b) => compareBytes(this.words[a] as string, this.words[b] as string));
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareBytes(this.words[sorted[mid] as number] as string, word) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const w = this.words[sorted[i] as number] as string;
      if (!w.startsWith(word)) break;
      out.push(sorted[i] as number);
    }
    return out;
  }
}

/** Byte order of UTF-8 strings (PostgreSQL sorts lexemes by memcmp), which is code point order. */
function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const ca = [...a];
  const cb = [...b];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i]?.codePointAt(0) ?? 0;
    const y = cb[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x - y;
  }
  return ca.length - cb.length;
}

/**
 * A quoted lexeme of tsvector / tsquery text output from just after its opening quote: '' and a backslash escape one
 * character. The word and the index after the closing quote, or undefined when the text ends first.
 */
function readQuoted(text: string, start: number): { word: string; end: number } | undefined {
  let word = '';
  let i = start;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'") {
      if (text[i + 1] !== "'") return { word, end: i + 1 };
      word += "'";
      i += 2;
    } else if (c === '\\') {
      word += text[i + 1] ?? '';
      i += 2;
    } else {
      word += c;
      i++;
    }
  }
  return undefined;
}

const WEIGHT_OF: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/** Reads the text output of a tsvector: `'lexeme':1,4B 'other':2`. */
export function parseTsVector(text: string, lexicon: Lexicon): ParsedVector {
  const lexemes: number[] = [];
  const offsets: number[] = [0];
  const positions: number[] = [];
  const weights: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text[i] === ' ') i++;
    if (i >= n) break;
    if (text[i] !== "'") throw new Error('tsvector text: expected a quoted lexeme');
    const quoted = readQuoted(text, i + 1);
    if (!quoted) throw new Error('tsvector text: unterminated lexeme');
    const word = quoted.word;
    i = quoted.end;
    lexemes.push(lexicon.id(word));
    if (text[i] === ':') {
      i++;
      for (;;) {
        let num = 0;
        while (i < n && text[i] !== undefined && (text[i] as string) >= '0' && (text[i] as string) <= '9') {
          num = num * 10 + Number(text[i]);
          i++;
        }
        let weight = 0;
        const w = text[i];
        if (w !== undefined && w in WEIGHT_OF) {
          weight = WEIGHT_OF[w] as number;
          i++;
        }
        positions.push(num);
        weights.push(weight);
        if (text[i] === ',') {
          i++;
          continue;
        }
        break;
      }
    }
    offsets.push(positions.length);
  }
  return {
    lexemes: pool.int32(lexemes),
    offsets: pool.int32(offsets),
    positions: pool.uint16(positions),
    weights: weights.some((w) => w !== 0) ? Uint8Array.from(weights) : zeroWeights(weights.length),
  };
}

let zeros = new Uint8Array(256);
/** All-D weights (every vector of the directory) share one zero-filled array. */
function zeroWeights(length: number): Uint8Array {
  if (length > zeros.length) zeros = new Uint8Array(length * 2);
  return zeros;
}

/**
 * Typed arrays cut from shared 1 MiB buffers: 31,165 services × 3 small arrays each would otherwise be 93,000
 * separate allocations with their own buffers. A buffer stays alive while one of its views does.
 */
class ArrayPool {
  private buffer = new ArrayBuffer(1 << 20);
  private used = 0;

  private take(bytes: number): [ArrayBuffer, number] {
    const aligned = (this.used + 3) & ~3;
    if (aligned + bytes > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(Math.max(1 << 20, bytes));
      this.used = 0;
      return this.take(bytes);
    }
    this.used = aligned + bytes;
    return [this.buffer, aligned];
  }

  int32(values: number[]): Int32Array {
    const [buffer, offset] = this.take(values.length * 4);
    const out = new Int32Array(buffer, offset, values.length);
    out.set(values);
    return out;
  }

  uint16(values: number[]): Uint16Array {
    const [buffer, offset] = this.take(values.length * 2);
    const out = new Uint16Array(buffer, offset, values.length);
    out.set(values);
    return out;
  }
}
const pool = new ArrayPool();

/** An Int32Array cut from the shared buffers (see ArrayPool). */
export const pooledInt32 = (values: number[]): Int32Array => pool.int32(values);

/** A tsquery of operands joined by & and |. Operand index = order of appearance, as PostgreSQL's items. */
export type QueryNode = { op: 'and' | 'or'; left: QueryNode; right: QueryNode } | { op: 'val'; index: number };

export interface ParsedQuery {
  root: QueryNode;
  /** Per operand: the lexeme ids it matches (a prefix operand matches every lexeme that starts with it). */
  operands: { word: string; prefix: boolean; lexemes: Set<number> }[];
  /** See {@link operandMask}. */
  mask?: Int32Array;
}

/**
 * Reads the text output of a tsquery made of quoted operands (optionally prefix, `:*`), `&`, `|` and parentheses.
 * Anything else (`!`, `<->`, weights) gives undefined: such a query is left to SQL. An empty text (every word was a
 * stop word) gives null: it matches nothing.
 */
export function parseTsQuery(text: string, lexicon: Lexicon): ParsedQuery | null | undefined {
  const operands: ParsedQuery['operands'] = [];
  let i = 0;
  const n = text.length;
  const skip = () => {
    while (i < n && text[i] === ' ') i++;
  };
  skip();
  if (i >= n) return null;
  let unsupported = false;
  const primary = (): QueryNode | undefined => {
    skip();
    if (text[i] === '(') {
      i++;
      const inner = orExpr();
      skip();
      if (text[i] !== ')') return undefined;
      i++;
      return inner;
    }
    if (text[i] !== "'") return undefined;
    const quoted = readQuoted(text, i + 1);
    if (!quoted) return undefined;
    const word = quoted.word;
    i = quoted.end;
    let prefix = false;
    if (text[i] === ':') {
      i++;
      while (i < n && text[i] !== ' ' && text[i] !== ')') {
        if (text[i] === '*') prefix = true;
        else unsupported = true; // a weight restriction
        i++;
      }
    }
    operands.push({ word, prefix, lexemes: new Set(lexicon.matching(word, prefix)) });
    return { op: 'val', index: operands.length - 1 };
  };
  const andExpr = (): QueryNode | undefined => {
    let left = primary();
    for (;;) {
      if (!left) return undefined;
      skip();
      if (text[i] !== '&') return left;
      i++;
      const right = primary();
      if (!right) return undefined;
      left = { op: 'and', left, right };
    }
  };
  const orExpr = (): QueryNode | undefined => {
    let left = andExpr();
    for (;;) {
      if (!left) return undefined;
      skip();
      if (text[i] !== '|') return left;
      i++;
      const right = andExpr();
      if (!right) return undefined;
      left = { op: 'or', left, right };
    }
  };
  const root = orExpr();
  skip();
  if (!root || unsupported || i < n) return undefined;
  return { root, operands };
}

function evaluate(node: QueryNode, present: ArrayLike<boolean>): boolean {
  switch (node.op) {
    case 'val':
      return present[node.index] === true;
    case 'and':
      return evaluate(node.left, present) && evaluate(node.right, present);
    case 'or':
      return evaluate(node.left, present) || evaluate(node.right, present);
  }
}

/**
 * Per lexeme id, the bits of the operands it satisfies (operand k = bit k), for {@link matchesMask}; cached on the
 * query for the lexicon's current size. Undefined for a query of more than 31 operands (left to SQL).
 */
export function operandMask(lexicon: { lexicon: Lexicon }, query: ParsedQuery): Int32Array | undefined {
  if (query.operands.length > 31) return undefined;
  const size = lexicon.lexicon.words.length;
  if (query.mask && query.mask.length === size) return query.mask;
  const mask = new Int32Array(size);
  query.operands.forEach((operand, k) => {
    for (const lex of operand.lexemes) if (lex < size) mask[lex] = (mask[lex] as number) | (1 << k);
  });
  query.mask = mask;
  return mask;
}

function evaluateBits(node: QueryNode, bits: number): boolean {
  switch (node.op) {
    case 'val':
      return (bits & (1 << node.index)) !== 0;
    case 'and':
      return evaluateBits(node.left, bits) && evaluateBits(node.right, bits);
    case 'or':
      return evaluateBits(node.left, bits) || evaluateBits(node.right, bits);
  }
}

/** `vector @@ query` with the query's operand mask. */
export function matchesMask(vector: ParsedVector, query: ParsedQuery, mask: Int32Array | undefined): boolean {
  if (!mask) return matches(vector, query);
  let bits = 0;
  const lexemes = vector.lexemes;
  for (let e = 0; e < lexemes.length; e++) bits |= mask[lexemes[e] as number] ?? 0;
  return bits !== 0 && evaluateBits(query.root, bits);
}

/** `vector @@ query`. */
export function matches(vector: ParsedVector, query: ParsedQuery): boolean {
  const present = new Array<boolean>(query.operands.length).fill(false);
  for (let e = 0; e < vector.lexemes.length; e++) {
    const lex = vector.lexemes[e] as number;
    for (let k = 0; k < query.operands.length; k++) {
      if (!present[k] && query.operands[k]?.lexemes.has(lex)) present[k] = true;
    }
  }
  return evaluate(query.root, present);
}

/** The default weights {D, C, B, A} as float4, widened to double as calc_rank_cd does. */
const INV_WEIGHTS = [0.1, 0.2, 0.4, 1.0].map((w) => 1.0 / Math.fround(w));

/**
 * Scratch space of {@link rankCd}, reused by every call (ranking allocates nothing): the matching positions of the
 * document as sort keys, then the joined entries (DocRepresentation) as position, weight and operand bits.
 */
let sortKeys = new Float64Array(1024);
let docPos = new Int32Array(1024);
let docWeight = new Int32Array(1024);
let docBits = new Int32Array(1024);

function grow(n: number): void {
  if (n <= sortKeys.length) return;
  const size = Math.max(n, sortKeys.length * 2);
  sortKeys = new Float64Array(size);
  docPos = new Int32Array(size);
  docWeight = new Int32Array(size);
  docBits = new Int32Array(size);
}

/**
 * get_docrep(): every position of every lexeme an operand matches, sorted by (position, weight, entry), and joined
 * per (position, weight, entry) into one entry with the bits of all operands it satisfies. Returns the entry count.
 * Keys: position · 2^19 + weight · 2^17 + entry, times 32 plus the operand (at most 31 operands, 2^17 entries).
 */
function docRepresentation(vector: ParsedVector, query: ParsedQuery, mask: Int32Array): number {
  let n = 0;
  const lexemes = vector.lexemes;
  for (let e = 0; e < lexemes.length; e++) {
    let bits = mask[lexemes[e] as number] ?? 0;
    if (bits === 0) continue;
    const from = vector.offsets[e] as number;
    const to = vector.offsets[e + 1] as number;
    while (bits !== 0) {
      const k = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      grow(n + (to - from));
      for (let p = from; p < to; p++) {
        const key = (vector.positions[p] as number) * 524288 + (vector.weights[p] as number) * 131072 + e;
        sortKeys[n++] = key * 32 + k;
      }
    }
  }
  if (n === 0) return 0;
  const keys = sortKeys.subarray(0, n).sort();
  let m = 0;
  let prevKey = -1;
  for (let i = 0; i < n; i++) {
    const combined = keys[i] as number;
    const key = Math.floor(combined / 32);
    const k = combined - key * 32;
    if (key === prevKey) {
      docBits[m - 1] = (docBits[m - 1] as number) | (1 << k);
      continue;
    }
    prevKey = key;
    docPos[m] = Math.floor(key / 524288);
    docWeight[m] = Math.floor((key % 524288) / 131072);
    docBits[m] = 1 << k;
    m++;
  }
  void query;
  return m;
}

/**
 * ts_rank_cd(vector, query) with the default weights and normalisation, as the float4 PostgreSQL returns; NaN for a
 * query of more than 31 operands or a vector of 131,072 lexemes or more, which the search leaves to SQL.
 */
export function rankCd(vector: ParsedVector, query: ParsedQuery, mask?: Int32Array): number {
  const operandBits = mask ?? operandMaskOf(query);
  if (!operandBits || vector.lexemes.length >= 131072) return Number.NaN;
  const len = docRepresentation(vector, query, operandBits);
  if (len === 0) return 0;
  let wdoc = 0;
  let pos = 0;
  for (;;) {
    // Cover(): the upper bound of the next cover from `pos` on, then its lower bound from there back to `pos`;
    // when the bounds cross, PostgreSQL tries again from the next entry.
    let p = 0;
    let q = 0;
    let begin = -1;
    let end = -1;
    let found = false;
    for (;;) {
      p = Number.MAX_SAFE_INTEGER;
      q = 0;
      found = false;
      let present = 0;
      let lastpos = pos;
      for (let ptr = pos; ptr < len; ptr++) {
        present |= docBits[ptr] as number;
        if (evaluateBits(query.root, present)) {
          if ((docPos[ptr] as number) > q) {
            q = docPos[ptr] as number;
            end = ptr;
            lastpos = ptr;
            found = true;
          }
          break;
        }
      }
      if (!found) break;
      present = 0;
      let ptr = lastpos;
      for (; ptr >= pos; ptr--) {
        present |= docBits[ptr] as number;
        if (evaluateBits(query.root, present)) {
          if ((docPos[ptr] as number) < p) {
            begin = ptr;
            p = docPos[ptr] as number;
          }
          break;
        }
      }
      if (p <= q) {
        pos = ptr + 1;
        break;
      }
      pos++;
    }
    if (!found) break;
    let invSum = 0;
    for (let k = begin; k <= end; k++) invSum += INV_WEIGHTS[docWeight[k] as number] as number;
    const cpos = (end - begin + 1) / invSum;
    let noise = q - p - (end - begin);
    if (noise < 0) noise = Math.trunc((end - begin) / 2);
    wdoc += cpos / (1 + noise);
  }
  return Math.fround(wdoc);
}

/** The operand bits per lexeme of a query whose mask was not built against a lexicon (at most 31 operands). */
function operandMaskOf(query: ParsedQuery): Int32Array | undefined {
  if (query.operands.length > 31) return undefined;
  let size = 0;
  for (const o of query.operands) for (const lex of o.lexemes) size = Math.max(size, lex + 1);
  const mask = new Int32Array(size);
  query.operands.forEach((o, k) => {
    for (const lex of o.lexemes) mask[lex] = (mask[lex] as number) | (1 << k);
  });
  return mask;
}

/**
 * `round(<float4>::numeric, 6)` as PostgreSQL prints it: the float4 becomes a numeric with 6 significant digits
 * (float4_numeric uses FLT_DIG), which is then rounded half away from zero to 6 decimals. Returned as the numeric's
 * text (e.g. "0.100000"), which is also what the SQL search puts in its cursors.
 */
export function roundedScore(rank: number): string {
  return scoreOf(rank).text;
}

/** {@link roundedScore} with its numeric value, remembered per float4 value. */
export function scoreOf(rank: number): { text: string; value: number } {
  let score = roundedScores.get(rank);
  if (score === undefined) {
    // exact decimal rounding of the binary value, as glibc's %.6g, then numeric's round(…, 6)
    const text = rank === 0 ? '0.000000' : roundDecimal(Number(rank).toPrecision(6), 6);
    score = { text, value: Number(text) };
    // Ranks over all-D vectors take few distinct values (sums of 0.1 / (1 + noise)); the cache stays small.
    if (roundedScores.size >= 100_000) roundedScores.clear();
    roundedScores.set(rank, score);
  }
  return score;
}
const roundedScores = new Map<number, { text: string; value: number }>();

/** Rounds a decimal string (plain or with exponent) half away from zero to `places` decimals, in decimal. */
function roundDecimal(value: string, places: number): string {
  const negative = value.startsWith('-');
  const abs = negative ? value.slice(1) : value;
  const [mantissa = '0', exponentText] = abs.toLowerCase().split('e');
  const exponent = Number(exponentText ?? 0);
  const [intPart = '0', fracPart = ''] = mantissa.split('.');
  let digits = intPart + fracPart;
  let pointAt = intPart.length + exponent;
  if (pointAt < 0) {
    digits = '0'.repeat(-pointAt) + digits;
    pointAt = 0;
  }
  if (digits.length < pointAt) digits += '0'.repeat(pointAt - digits.length);
  const keep = pointAt + places;
  let kept = (digits + '0'.repeat(Math.max(0, keep - digits.length))).slice(0, keep);
  const next = digits[keep];
  if (next !== undefined && next >= '5') {
    // add one unit in the last kept place
    const arr = kept.split('').map(Number);
    let k = arr.length - 1;
    for (; k >= 0; k--) {
      if ((arr[k] as number) < 9) {
        arr[k] = (arr[k] as number) + 1;
        break;
      }
      arr[k] = 0;
    }
    kept = (k < 0 ? '1' : '') + arr.join('');
    if (k < 0) pointAt++;
  }
  const whole = kept.slice(0, kept.length - places).replace(/^0+(?=\d)/, '') || '0';
  const frac = kept.slice(kept.length - places);
  return `${negative ? '-' : ''}${whole}.${frac}`;
}
