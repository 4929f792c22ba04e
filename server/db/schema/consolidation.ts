// Tables of the consolidation area.
export {};
