// Russian words for the codes of practices and mentoring, shared by the role pages.

export const PRACTICE_STATUS: Record<string, { label: string; color: string }> = {
  DRAFT: { label: 'Черновик', color: 'default' },
  SUBMITTED: { label: 'На рассмотрении', color: 'processing' },
  APPROVED: { label: 'Одобрена', color: 'success' },
  REJECTED: { label: 'Отклонена', color: 'error' },
};

export const EVIDENCE_LEVEL: Record<string, { label: string; color: string }> = {
  DESCRIBED: { label: 'Описана', color: 'default' },
  MEASURED: { label: 'Измерен эффект', color: 'blue' },
  REPLICATED: { label: 'Подтверждена в нескольких школах', color: 'green' },
};

export const GOAL_STATUS: Record<string, { label: string; color: string }> = {
  PLANNED: { label: 'запланирована', color: 'default' },
  IN_PROGRESS: { label: 'в работе', color: 'processing' },
  DONE: { label: 'выполнена', color: 'success' },
  CANCELLED: { label: 'отменена', color: 'default' },
};

export const DEFICIT_LEVEL: Record<string, { label: string; color: string }> = {
  MINOR: { label: 'незначительный', color: 'gold' },
  MODERATE: { label: 'умеренный', color: 'orange' },
  CRITICAL: { label: 'критический', color: 'red' },
};

export const COMPETENCE: Record<string, string> = {
  SUBJECT: 'Предметная', METHODICAL: 'Методическая', ASSESSMENT: 'Оценивание', FUNCTIONAL_LITERACY: 'Функциональная грамотность',
  DIGITAL: 'Цифровая', PSYCHOLOGICAL: 'Психолого-педагогическая', INCLUSIVE: 'Инклюзивная', MOTIVATION: 'Мотивация обучающихся',
  MANAGEMENT: 'Управленческая',
};

export const RELATION_STATUS: Record<string, { label: string; color: string }> = {
  PENDING: { label: 'предложено', color: 'gold' },
  ACTIVE: { label: 'действует', color: 'green' },
  COMPLETED: { label: 'завершено', color: 'blue' },
  CANCELLED: { label: 'отменено', color: 'default' },
};

export const MENTORING_KIND: Record<string, string> = {
  TEACHER_TEACHER: 'педагог — педагог', DIRECTOR_DIRECTOR: 'руководитель — руководитель',
  CURATOR_SCHOOL: 'куратор — школа', TUTOR: 'тьюторское сопровождение',
};

export const RELATION_ACTION: Record<string, string> = {
  ACTIVE: 'Начать', COMPLETED: 'Завершить', CANCELLED: 'Отменить',
};

export const GRADES = Array.from({ length: 11 }, (_, i) => i + 1);
