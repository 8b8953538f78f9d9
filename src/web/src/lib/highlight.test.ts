import { describe, expect, it } from 'vitest';
import { fieldError, highlightParts } from './highlight';

describe('search highlights', () => {
  it('splits a fragment into matches and plain text', () => {
    expect(highlightParts('Школа <em>наставничества</em> для <em>молодых</em> педагогов')).toEqual([
      { text: 'Школа ', match: false }, { text: 'наставничества', match: true }, { text: ' для ', match: false },
      { text: 'молодых', match: true }, { text: ' педагогов', match: false },
    ]);
  });

  it('keeps escaped markup as text', () => {
    expect(highlightParts('&lt;script&gt; и <em>урок</em>')).toEqual([
      { text: '<script> и ', match: false }, { text: 'урок', match: true },
    ]);
  });
});

describe('field errors of the API', () => {
  it('reads the field the message names', () => {
    expect(fieldError('input.title: обязательное поле не заполнено')).toEqual({ field: 'title', reason: 'обязательное поле не заполнено' });
    expect(fieldError('input.evidence.metric: опишите показатель')).toEqual({ field: 'evidence', reason: 'опишите показатель' });
    expect(fieldError('Практика не готова')).toBeNull();
  });
});
