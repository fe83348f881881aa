import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DocumentRoutes,
  type DocumentAction,
  type DocumentDetail,
  type DocumentInput,
  type DocumentListQuery,
  type DocumentMemberRole,
} from '@xieshang/contracts';
import { api } from '../../lib/api';

/** Every cached documents query starts with this, so one invalidation refreshes list and detail. */
export const DOCUMENTS_KEY = ['documents'] as const;
export const documentKey = (id: string) => [...DOCUMENTS_KEY, 'one', id] as const;
export const commentsKey = (id: string) => [...DOCUMENTS_KEY, 'comments', id] as const;
export const versionsKey = (id: string) => [...DOCUMENTS_KEY, 'versions', id] as const;

export function useDocumentList(query: Partial<DocumentListQuery>) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, 'list', query],
    queryFn: ({ signal }) => api(DocumentRoutes.listDocuments, { query, signal }),
    placeholderData: (prev) => prev,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: documentKey(id ?? ''),
    queryFn: ({ signal }) => api(DocumentRoutes.getDocument, { params: { id: id as string }, signal }),
    enabled: !!id,
  });
}

export function useDocumentComments(id: string) {
  return useQuery({
    queryKey: commentsKey(id),
    queryFn: ({ signal }) => api(DocumentRoutes.listDocumentComments, { params: { id }, query: { status: 'all' }, signal }),
  });
}

export function useDocumentVersions(id: string, enabled = true) {
  return useQuery({
    queryKey: versionsKey(id),
    queryFn: ({ signal }) => api(DocumentRoutes.listDocumentVersions, { params: { id }, signal }),
    enabled,
  });
}

export function useCreateDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentInput) => api(DocumentRoutes.createDocument, { body: input }),
    onSuccess: (doc) => {
      client.setQueryData(documentKey(doc.id), doc);
      void client.invalidateQueries({ queryKey: [...DOCUMENTS_KEY, 'list'] });
    },
  });
}

/** Mutations on one document that answer with the updated detail. */
export function useDocumentMutations(id: string) {
  const client = useQueryClient();
  const settle = (doc: DocumentDetail) => {
    client.setQueryData(documentKey(id), doc);
    void client.invalidateQueries({ queryKey: [...DOCUMENTS_KEY, 'list'] });
  };
  return {
    transition: useMutation({
      mutationFn: (input: { action: DocumentAction; comment?: string }) => api(DocumentRoutes.transitionDocument, { params: { id }, body: input }),
      onSuccess: settle,
    }),
    rename: useMutation({
      mutationFn: (title: string) => api(DocumentRoutes.updateDocument, { params: { id }, body: { title } }),
      onSuccess: settle,
    }),
    createVersion: useMutation({
      mutationFn: (name: string) => api(DocumentRoutes.createDocumentVersion, { params: { id }, body: { name } }),
      onSuccess: () => {
        void client.invalidateQueries({ queryKey: versionsKey(id) });
        void client.invalidateQueries({ queryKey: documentKey(id) });
      },
    }),
    restoreVersion: useMutation({
      mutationFn: (versionId: string) => api(DocumentRoutes.restoreDocumentVersion, { params: { id, versionId } }),
      onSuccess: settle,
    }),
    setMember: useMutation({
      mutationFn: (input: { userId: string; role: DocumentMemberRole }) =>
        api(DocumentRoutes.setDocumentMember, { params: { id, userId: input.userId }, body: { role: input.role } }),
      onSuccess: () => void client.invalidateQueries({ queryKey: documentKey(id) }),
    }),
    removeMember: useMutation({
      mutationFn: (userId: string) => api(DocumentRoutes.removeDocumentMember, { params: { id, userId } }),
      onSuccess: () => void client.invalidateQueries({ queryKey: documentKey(id) }),
    }),
  };
}
