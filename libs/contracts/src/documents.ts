/** Co-authored documents (flow 7): minutes, consensus reports, versions, comments, export. */
export {};
