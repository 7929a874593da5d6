import type { Locale } from '../i18n/locale.ts';

/** Everything the demo evaluator says, in each language it answers in (the memo's language). */
export interface DemoPhrases {
  level: { high: string; low: string; mid: string };
  justification: (level: string, criterion: string, words: number, paragraphs: number, numbers: number) => string;
  strengths: { numbers: string; ask: string; paragraphs: string; short: string; fallback: [string, string] };
  opportunities: { ask: string; numbers: string; risk: string; long: string; fallback: [string, string] };
  opening: { comment: string; questions: string[]; suggestion: string };
  figure: { comment: string; questions: string[]; suggestion: string };
  longest: { comment: string; questions: string[]; suggestion: string };
}

export const DEMO_PHRASES: Record<Locale, DemoPhrases> = {
  en: {
    level: { high: 'meets this criterion well', low: 'falls short on this criterion', mid: 'partly meets this criterion' },
    justification: (level, criterion, words, paragraphs, numbers) =>
      `Demo evaluator: the memo ${level} (${criterion}). It has ${words} words in ${paragraphs} paragraph(s) with ${numbers} figure(s).`,
    strengths: {
      numbers: 'Uses concrete figures that a decision-maker can check.',
      ask: 'States what the writer wants the reader to decide or do.',
      paragraphs: 'Breaks the argument into separate paragraphs that are easy to scan.',
      short: 'Sentences are short and direct.',
      fallback: ['Addresses a real business situation.', 'Keeps the memo to a readable length.'],
    },
    opportunities: {
      ask: 'Open with the recommendation and the decision you need, with an owner and a deadline.',
      numbers: 'Quantify costs, benefits and timing, and say where the numbers come from.',
      risk: 'Name the main risks and how you would reduce them, with a short implementation plan.',
      long: 'Shorten long sentences so each one carries a single idea.',
      fallback: ['Add a one-line summary a busy reader could forward as-is.', 'Tie the proposal explicitly to a stated company priority.'],
    },
    opening: {
      comment: 'This opening sets the reader\u2019s expectations; check that it carries your main point.',
      questions: ['If your reader stopped here, would they know what you want?', 'What would a CFO ask first?'],
      suggestion: 'Lead with the recommendation, then the single strongest reason.',
    },
    figure: {
      comment: 'A figure like this persuades only when its source and its meaning for the decision are clear.',
      questions: ['Where does this number come from?', 'What does it mean for the decision?'],
      suggestion: 'Name the source and state the comparison (before/after, cost/benefit) in the same sentence.',
    },
    longest: {
      comment: 'This is one of the longest sentences in the memo; long sentences hide the key idea.',
      questions: ['What is the one idea this sentence must carry?', 'Could a busy reader repeat it after one read?'],
      suggestion: 'Split it into two sentences and put the conclusion first.',
    },
  },
  es: {
    level: { high: 'cumple bien este criterio', low: 'no alcanza este criterio', mid: 'cumple en parte este criterio' },
    justification: (level, criterion, words, paragraphs, numbers) =>
      `Evaluador de demostración: el memorando ${level} (${criterion}). Tiene ${words} palabras en ${paragraphs} párrafo(s) y ${numbers} cifra(s).`,
    strengths: {
      numbers: 'Usa cifras concretas que quien decide puede comprobar.',
      ask: 'Dice qué quiere que el lector decida o haga.',
      paragraphs: 'Divide el argumento en párrafos separados y fáciles de recorrer.',
      short: 'Las frases son breves y directas.',
      fallback: ['Trata una situación de negocio real.', 'Mantiene el memorando en una extensión legible.'],
    },
    opportunities: {
      ask: 'Empiece con la recomendación y la decisión que necesita, con un responsable y una fecha límite.',
      numbers: 'Cuantifique costes, beneficios y plazos, e indique de dónde salen las cifras.',
      risk: 'Nombre los riesgos principales y cómo los reduciría, con un plan de implantación breve.',
      long: 'Acorte las frases largas para que cada una lleve una sola idea.',
      fallback: ['Añada un resumen de una línea que un lector ocupado pueda reenviar tal cual.', 'Vincule la propuesta de forma explícita a una prioridad declarada de la empresa.'],
    },
    opening: {
      comment: 'Esta apertura fija las expectativas del lector; compruebe que contiene su idea principal.',
      questions: ['Si el lector se detuviera aquí, ¿sabría lo que usted quiere?', '¿Qué preguntaría primero un director financiero?'],
      suggestion: 'Empiece por la recomendación y después la razón más sólida.',
    },
    figure: {
      comment: 'Una cifra así convence solo si quedan claros su fuente y lo que significa para la decisión.',
      questions: ['¿De dónde sale esta cifra?', '¿Qué significa para la decisión?'],
      suggestion: 'Nombre la fuente y plantee la comparación (antes/después, coste/beneficio) en la misma frase.',
    },
    longest: {
      comment: 'Es una de las frases más largas del memorando; las frases largas esconden la idea clave.',
      questions: ['¿Cuál es la única idea que debe transmitir esta frase?', '¿Podría un lector ocupado repetirla tras leerla una vez?'],
      suggestion: 'Divídala en dos frases y ponga la conclusión primero.',
    },
  },
};
