import { z } from 'zod';
import { route } from './route-def';
import { IdParams } from './common';
import {
  CoSignReply,
  MyTopics,
  PublicTopicCall,
  PublicTopicInput,
  PublicTopicReceipt,
  PublicTopicStatus,
  SimilarTopic,
  Topic,
  TopicBulkInput,
  TopicBulkResult,
  TopicCall,
  TopicCallInput,
  TopicCallPatch,
  TopicInput,
  TopicListQuery,
  TopicPatch,
  TopicPage,
  TopicTransitionInput,
} from './topics';

export const PublicIdParams = z.strictObject({ publicId: z.string().regex(/^[A-Za-z0-9]{8,16}$/) });

/** Topics: public calls, intake, my topics, the office's board, screening, merge, support. */
export const TopicRoutes = {
  // Public (no login): the call form and the per-topic status page.
  listOpenTopicCalls: route({ method: 'GET', path: '/public/topic-calls', tag: 'public', summary: 'Public calls open now', access: 'public', response: z.array(PublicTopicCall) }),
  getPublicTopicCall: route({ method: 'GET', path: '/public/topic-calls/:id', tag: 'public', summary: 'One public call (form header, dates, per-person limit)', access: 'public', params: IdParams, response: PublicTopicCall }),
  submitPublicTopic: route({ method: 'POST', path: '/public/topic-calls/:id/topics', tag: 'public', summary: 'Submit a topic to an open public call (rate limited per IP)', access: 'public', params: IdParams, body: PublicTopicInput, response: PublicTopicReceipt }),
  getPublicTopicStatus: route({ method: 'GET', path: '/public/topics/:publicId', tag: 'public', summary: 'Status of a publicly submitted topic', access: 'public', params: PublicIdParams, response: PublicTopicStatus }),

  // Public calls, run by the office.
  listTopicCalls: route({ method: 'GET', path: '/topic-calls', tag: 'topics', summary: 'Public calls, newest first', access: 'topics.screen', response: z.array(TopicCall) }),
  createTopicCall: route({ method: 'POST', path: '/topic-calls', tag: 'topics', summary: 'Open a public call', access: 'topics.screen', body: TopicCallInput, response: TopicCall }),
  updateTopicCall: route({ method: 'PATCH', path: '/topic-calls/:id', tag: 'topics', summary: 'Edit a public call (dates, limit)', access: 'topics.screen', params: IdParams, body: TopicCallPatch, response: TopicCall }),

  // Intake and my topics.
  createTopic: route({ method: 'POST', path: '/topics', tag: 'topics', summary: 'Propose a topic (member, joint, sector, committee, department, office, party committee)', access: 'topics.submit', body: TopicInput, response: Topic }),
  myTopics: route({ method: 'GET', path: '/my/topics', tag: 'topics', summary: 'Topics I proposed or co-signed, and co-sign requests', access: 'topics.submit', response: MyTopics }),
  replyCoSign: route({ method: 'POST', path: '/topics/:id/co-sign', tag: 'topics', summary: 'Confirm or decline co-signing', access: 'topics.submit', params: IdParams, body: CoSignReply, response: Topic }),
  supportTopic: route({ method: 'POST', path: '/topics/:id/support', tag: 'topics', summary: 'Support (附议) a pooled topic', access: 'topics.submit', params: IdParams, response: Topic }),
  withdrawSupport: route({ method: 'DELETE', path: '/topics/:id/support', tag: 'topics', summary: 'Withdraw my support', access: 'topics.submit', params: IdParams, response: Topic }),

  // Board and screening (members see the pool; the office sees everything).
  listTopics: route({ method: 'GET', path: '/topics', tag: 'topics', summary: 'Topic board: filters, full-text search; members see the pool', access: 'topics.read', query: TopicListQuery, response: TopicPage }),
  getTopic: route({ method: 'GET', path: '/topics/:id', tag: 'topics', summary: 'One topic with co-signers and history', access: 'topics.read', params: IdParams, response: Topic }),
  updateTopic: route({ method: 'PATCH', path: '/topics/:id', tag: 'topics', summary: 'Edit a topic (proposer before screening; the office until selected)', access: 'topics.submit', params: IdParams, body: TopicPatch, response: Topic }),
  transitionTopic: route({ method: 'POST', path: '/topics/:id/transition', tag: 'topics', summary: 'Screen: pool, reject, merge, shortlist…', access: 'topics.screen', params: IdParams, body: TopicTransitionInput, response: Topic }),
  bulkTransitionTopics: route({ method: 'POST', path: '/topics/bulk', tag: 'topics', summary: 'Bulk shortlist or reject (one reason) from the board', access: 'topics.screen', body: TopicBulkInput, response: TopicBulkResult }),
  similarTopics: route({ method: 'GET', path: '/topics/:id/similar', tag: 'topics', summary: 'Most similar topics by title and summary (pg_trgm)', access: 'topics.screen', params: IdParams, query: z.strictObject({ limit: z.coerce.number().int().min(1).max(20).default(5) }), response: z.array(SimilarTopic) }),
} as const;
