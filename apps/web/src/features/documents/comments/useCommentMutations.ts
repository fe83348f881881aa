import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DocumentRoutes, type DocumentComment, type DocumentCommentInput } from '@xieshang/contracts';
import { api } from '../../../lib/api';
import { commentsKey } from '../documentQueries';

/** Add, reply, resolve: each answers the whole thread, which replaces the cached one. */
export function useCommentMutations(documentId: string) {
  const client = useQueryClient();
  const put = (thread: DocumentComment) =>
    client.setQueryData<DocumentComment[]>(commentsKey(documentId), (list = []) =>
      list.some((c) => c.id === thread.id) ? list.map((c) => (c.id === thread.id ? thread : c)) : [...list, thread],
    );
  return {
    add: useMutation({
      mutationFn: (input: DocumentCommentInput) => api(DocumentRoutes.addDocumentComment, { params: { id: documentId }, body: input }),
      onSuccess: put,
    }),
    reply: useMutation({
      mutationFn: (input: { commentId: string; body: string }) =>
        api(DocumentRoutes.replyDocumentComment, { params: { id: documentId, commentId: input.commentId }, body: { body: input.body } }),
      onSuccess: put,
    }),
    resolve: useMutation({
      mutationFn: (input: { commentId: string; resolved: boolean }) =>
        api(DocumentRoutes.resolveDocumentComment, { params: { id: documentId, commentId: input.commentId }, body: { resolved: input.resolved } }),
      onSuccess: put,
    }),
  };
}
