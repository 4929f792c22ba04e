// Tables of the feedback area.
export {};
