import type { EntityManager } from 'typeorm';
import type { TopicAction, TopicCategory, TopicState } from '@xieshang/contracts';
import { isTransitionError, topicMachine, type WorkflowActor } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';

export interface TopicForPlan {
  id: string;
  title: string;
  category: TopicCategory;
  state: TopicState;
  year: number;
}

/** The topic, locked for the rest of the transaction; a missing id is the caller's input error. */
export async function lockTopic(m: EntityManager, topicId: string): Promise<TopicForPlan> {
  const [topic]: TopicForPlan[] = await m.query(`SELECT id, title, category, state, year FROM topics WHERE id = $1 FOR UPDATE`, [topicId]);
  if (!topic) throw new AppException('VALIDATION_FAILED', undefined, [{ path: 'body.topicId', code: 'unknown', message: 'No such topic' }]);
  return topic;
}

/**
 * Move a topic along flow 1 because of the plan (select, deselect, not_select), through the topic
 * machine, with a history entry naming the plan. Refusals become PLAN_TOPIC_UNAVAILABLE.
 */
export async function moveTopic(m: EntityManager, actor: WorkflowActor, topic: Pick<TopicForPlan, 'id' | 'state'>, action: TopicAction, data: { planId: string; planItemId?: string; comment?: string | null }): Promise<TopicState> {
  const result = topicMachine.apply(actor, { id: topic.id, state: topic.state }, action, {});
  if (isTransitionError(result)) throw new AppException('PLAN_TOPIC_UNAVAILABLE', { state: topic.state });
  await m.query(`UPDATE topics SET state = $2, updated_at = now() WHERE id = $1`, [topic.id, result.to]);
  await m.query(
    `INSERT INTO topic_events (topic_id, action, from_state, to_state, actor_id, comment, data) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [topic.id, action, topic.state, result.to, actor.id, data.comment ?? null, JSON.stringify({ planId: data.planId, planItemId: data.planItemId ?? null })],
  );
  return result.to;
}

/** Closing the plan: every pooled or shortlisted topic of its year not carried by an item becomes not_selected. */
export async function closeTopicSelection(m: EntityManager, actor: WorkflowActor, plan: { id: string; year: number }, comment: string): Promise<number> {
  const left: Array<{ id: string; state: TopicState }> = await m.query(
    `SELECT t.id, t.state FROM topics t
      WHERE t.year = $1 AND t.state IN ('pooled', 'shortlisted') AND NOT EXISTS (SELECT 1 FROM plan_items i WHERE i.topic_id = t.id)
      ORDER BY t.id FOR UPDATE`,
    [plan.year],
  );
  for (const t of left) await moveTopic(m, actor, t, 'not_select', { planId: plan.id, comment });
  return left.length;
}
