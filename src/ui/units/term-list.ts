/** The terms of a list of definitions, each term bold above its meaning. */
export const termListClasses = "[&_dd]:ml-4 [&_dd]:break-words [&_dt]:mt-2 [&_dt]:font-bold";
