// The stopword package ships no types; the two lists the words table reads, one module each
// (imported one by one so bundles carry two lists, not all sixty).
declare module 'stopword/src/stopwords_eng.js' {
  export const eng: string[];
}
declare module 'stopword/src/stopwords_deu.js' {
  export const deu: string[];
}
