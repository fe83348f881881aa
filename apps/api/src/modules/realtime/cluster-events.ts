import { EventEmitter } from 'node:events';

/**
 * In-process signal that the cross-instance link (the Redis adapter's subscriber) is (back) up.
 * Whatever was computed from this instance alone meanwhile (presence) should be computed again.
 */
export const clusterEvents = new EventEmitter();
clusterEvents.setMaxListeners(0);
export const CLUSTER_LINK_UP = 'link-up';
