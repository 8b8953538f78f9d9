// Identification runs in words: method names and the parameters a run was made with.
import { formatNumber } from './format';

export const METHOD_LABELS: Record<string, string> = {
  BELOW_REGIONAL_MEAN: 'Стабильно низкие результаты N лет подряд (и условия Кировской модели)',
  REGRESSION: 'Регрессия результатов на контекст',
  RISK_PROFILE: 'Рисковый профиль «500+»',
  THREE_CONDITIONS: 'ШНСУ: три условия Кировской модели',
  RISK_MONITORING: 'Мониторинг рисков: зона риска и снижение результатов',
};

export function methodLabel(method: string): string {
  return METHOD_LABELS[method] ?? method;
}

const PARAMETER_LABELS: Record<string, string> = {
  subjects: 'Предметы',
  lowResidualSd: 'Порог ШНОР (остаток, СО)',
  adverseContextSd: 'Порог ШНСУ (контекст, СО)',
  resilientContextSd: 'Резильентная: контекст, СО',
  resilientResidualSd: 'Резильентная: остаток, СО',
  leaderResultsSd: 'Лидер: результаты, СО',
  riskTrendPerYear: 'Снижение результатов: падение за год, СО',
  lowResultsMarginSd: 'Стабильно низкие: отступ от среднего, СО',
  lowResultsCombination: 'Сочетание методов ШНОР',
  riskRiseSd: 'Зона риска: рост фактора, СО',
  riskHighPercentile: 'Высокий риск: процентиль',
  riskMediumPercentile: 'Средний риск: процентиль',
};

export interface ParameterRow {
  key: string;
  label: string;
  value: string;
}

/** The run's parameters worth showing, in a stable order; year, window and methods are shown apart. */
export function parameterRows(parameters: unknown): ParameterRow[] {
  if (typeof parameters !== 'object' || parameters === null) return [];
  const values = parameters as Record<string, unknown>;
  return Object.keys(PARAMETER_LABELS)
    .filter((key) => values[key] != null)
    .map((key) => ({ key, label: PARAMETER_LABELS[key], value: show(values[key]) }));
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return String(value);
}
