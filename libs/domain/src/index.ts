export * from './access';
export * from './workflows';
export * from './live';
export * from './member-profile';
export * from './meetings';
export * from './documents';
export * from './outcomes';
