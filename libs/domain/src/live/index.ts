export * from './speaking-queue';
export * from './queries';
export { isTimerRunning } from './timer';
