/**
 * The language codes the sociale kaart accepts for a service's languages and the language filter of the search:
 * every ISO 639-1 code (184), and the ISO 639-3 codes of the languages recognised in the Kingdom of the
 * Netherlands that have no ISO 639-1 code: pap (Papiaments), nds (Nedersaksisch), dse (Nederlandse Gebarentaal).
 * A service lists each code at most once, so a service, and the search's facet of languages, has at most
 * LANGUAGE_CODES.length of them. A language without a two-letter code that services need is added here, and the
 * bound stated in the sociale kaart's schema.graphql with it.
 */
const ISO_639_1_CODES = [
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj',
  'fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la',
  'lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa',
  'sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu',
]
  .join(' ')
  .split(' ');

export const LANGUAGE_CODES: readonly string[] = [...ISO_639_1_CODES, 'pap', 'nds', 'dse'];

const accepted = new Set(LANGUAGE_CODES);

/** Whether the code is one of LANGUAGE_CODES (lower case, as stored). */
export const isLanguageCode = (code: string): boolean => accepted.has(code);
