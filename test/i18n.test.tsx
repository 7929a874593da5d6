import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LlmError } from '../src/llm/types.ts';
import { makeTestApp, waitForEvaluation, type TestApp } from './helpers/app.ts';
import { SAMPLE_MEMO } from './helpers/outputs.ts';

const SPANISH_MEMO = `PARA: Dana López, directora financiera
DE: Samuel Ortiz, Operaciones
ASUNTO: Aprobar 240.000 € para automatizar el almacén

Recomiendo que aprobemos 240.000 € para automatizar la preparación de pedidos en el almacén de Zaragoza antes del 31 de marzo.

El piloto redujo los errores un 38 % y ahorró 1.200 horas de trabajo por trimestre, por lo que la inversión se recupera en menos de dos años.

El principal riesgo es la parada durante la instalación; haremos el despliegue en tres fines de semana y mantendremos la preparación manual como respaldo.

Le ruego que lo apruebe antes del viernes para reservar la fecha del proveedor.`;

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(async () => {
  await t.close();
});

const es = { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' };

describe('English and Spanish', () => {
  it('answers a Spanish memo sent with Accept-Language: es in Spanish, page and feedback', async () => {
    const c = t.client();
    const form = await (await c.get('/', es)).text();
    expect(form).toContain('<html lang="es">');
    expect(form).toContain('Reciba comentarios sobre su memorando');
    const res = await c.post('/submissions', { text: SPANISH_MEMO }, { headers: es });
    expect(res.status).toBe(303);
    const id = Number(res.headers.get('location')!.split('/').pop());
    await waitForEvaluation(t, id);
    const page = await c.get(`/evaluations/${id}`, es);
    expect(page.headers.get('content-language')).toBe('es');
    const html = await page.text();
    expect(html).toContain('<html lang="es">');
    for (const label of ['Sus comentarios', 'Puntuación por criterio', 'Fortalezas', 'Oportunidades de mejora', 'Su memorando, con comentarios', 'Revisar y volver a enviar', 'evaluador de demostración']) {
      expect(html, label).toContain(label);
    }
    // Feedback in the memo's language, from the demo evaluator.
    expect(html).toContain('Evaluador de demostración: el memorando');
    expect(html).toContain('Usa cifras concretas que quien decide puede comprobar.');
    expect(html).toContain('¿De dónde sale esta cifra?');
    expect(html).not.toContain('Strengths');
    expect(html).toMatch(/Evaluado el <time datetime="[^"]+">\d{1,2} [a-z]{3,4}\.? 20\d\d/);
  });

  it('keeps English for English browsers and gives an English memo English feedback', async () => {
    const c = t.client();
    const res = await c.post('/submissions', { text: SAMPLE_MEMO }, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    const id = Number(res.headers.get('location')!.split('/').pop());
    await waitForEvaluation(t, id);
    const html = await (await c.get(`/evaluations/${id}`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Strengths');
    expect(html).toContain('Demo evaluator: the memo');
  });

  it('switches language with a plain POST form, remembers it, and goes back to the page', async () => {
    const c = t.client();
    const home = await (await c.get('/rubric')).text();
    expect(home).toMatch(/<form method="post" action="\/language"[^>]*>/);
    expect(home).toContain('<input type="hidden" name="next" value="/rubric"/>');
    const res = await c.post('/language', { lang: 'es', next: '/rubric' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/rubric');
    expect(res.headers.get('set-cookie')).toMatch(/^memo_lang=es;.*Max-Age=31536000/);
    const after = await (await c.get('/rubric', { 'accept-language': 'en' })).text();
    expect(after).toContain('<html lang="es">');
    expect(after).toContain('Cómo se calcula su puntuación');
    expect((await c.post('/language', { lang: 'xx' })).headers.get('location')).toBe('/');
    for (const next of ['//evil.example', '/\x01', '/%01\u0000']) {
      const bad = await c.post('/language', { lang: 'es', next });
      expect(bad.status, next).toBe(400);
      expect(await bad.text()).toContain('Solicitud incorrecta');
    }
    expect((await (await c.get('/rubric')).text())).toContain('<html lang="es">');
  });

  it('speaks Spanish in validation errors, error pages, the failure message, dates and numbers', async () => {
    const c = t.client();
    const bad = await c.post('/submissions', { text: 'x'.repeat(10_001) }, { headers: es });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Su memorando tiene 10.001 caracteres; el límite es 10.000. Acórtelo 1 carácter');
    const missing = await c.get('/evaluations/999', es);
    expect(await missing.text()).toContain('Página no encontrada');
    await t.close();
    // The provider stays overloaded past the total timeout: the memo waits, then fails with the busy message.
    t = makeTestApp({
      files: (f) => ({ ...f, llm: { ...f.llm, total_timeout_seconds: 1, backoff: { initial_seconds: 0.05, max_seconds: 0.1 } } }),
      provider: () => ({ name: 'anthropic', model: 'x', complete: async () => Promise.reject(new LlmError('overloaded', 'busy')) }),
    });
    const w = t.client();
    const res = await w.post('/submissions', { text: SPANISH_MEMO }, { headers: es });
    const id = Number(res.headers.get('location')!.split('/').pop());
    await waitForEvaluation(t, id);
    const failed = await (await w.get(`/evaluations/${id}`, es)).text();
    expect(failed).toContain('El servicio de IA está ocupado');
    expect(failed).toContain('Intentar de nuevo');
    const history = await (await w.get('/history', es)).text();
    expect(history).toContain('Sus memorandos');
    expect(history).toContain('Falló');
  });
});
