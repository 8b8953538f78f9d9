import dayjs, { type Dayjs } from 'dayjs';
import type { CompetenceArea, PlanInput } from '../gql/graphql';

export interface PlanFormValues {
  title: string;
  competence: CompetenceArea;
  target: string;
  deadline: Dayjs;
}

/** The mutation's input from the form's values: a plan starting today with one goal. */
export function planInput(teacherId: string, v: PlanFormValues): PlanInput {
  return { teacherId, title: v.title, startDate: dayjs().format('YYYY-MM-DD'),
    goals: [{ competence: v.competence, target: v.target, deadline: v.deadline.format('YYYY-MM-DD') }] };
}
