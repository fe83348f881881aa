/** Yjs sync over socket.io, namespace `/collab`: events, payloads and limits shared by the api and the provider. */
export const COLLAB_NAMESPACE = '/collab';
