// Tables of the reporting area.
export {};
