export * from './scheduling';
export * from './leave-approver';
export * from './visibility';
