export * from './default-rules';
export * from './scoring';
export * from './access';
