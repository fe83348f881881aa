export * from './access';
export * from './workflows';
export * from './live';
export * from './member-profile';
export * from './meetings';
export * from './duty';
export * from './outcomes';
export * from './documents';
