export * from './deadlines';
export * from './assignment.machine';
export * from './outcome-state';
export * from './outcome-access';
export * from './adoption-stats';
