// Labels and colours of school programmes (graphql/support-programmes.graphqls).

export const PROGRAMME_KIND_LABELS: Record<string, string> = {
  SCHOOL_QUALITY: 'Программа повышения качества образования (ШППКО)',
  TRANSITION: 'Программа перехода в эффективный режим работы',
  ANTIRISK: 'Антирисковая программа',
};

export const PROGRAMME_STATUS_COLORS: Record<string, string> = {
  DRAFT: 'default', AGREED: 'blue', IN_PROGRESS: 'processing', COMPLETED: 'green',
};

export const MEASURE_STATUS_LABELS: Record<string, string> = {
  PLANNED: 'запланировано', IN_PROGRESS: 'выполняется', DONE: 'выполнено', CANCELLED: 'отменено',
};

export const GAP_COLORS: Record<string, string> = { NO_PROGRAMME: 'volcano', OVERDUE: 'red', AWAITING_AGREEMENT: 'gold' };

/** Indicators a target may use: the results indices and the outcome and context indicators schools act on most. */
export const TARGET_INDICATORS = [
  { value: 'results_index', label: 'Интегральный индекс результатов' },
  { value: 'subject_index_mathematics', label: 'Индекс результатов по математике' },
  { value: 'subject_index_russian', label: 'Индекс результатов по русскому языку' },
  { value: 'olympiad_participation_share', label: 'Доля участников муниципального этапа ВсОШ' },
  { value: 'grade10_continuation_share', label: 'Доля продолживших обучение в 10 классе' },
  { value: 'learning_difficulties_share', label: 'Доля обучающихся с трудностями в обучении' },
  { value: 'teachers_no_category_share', label: 'Доля педагогов без квалификационной категории' },
  { value: 'staff_shortage_share', label: 'Доля вакантных ставок педагогов' },
  { value: 'parental_involvement_index', label: 'Индекс вовлечённости родителей' },
];
