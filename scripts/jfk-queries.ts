/** Realistic questions for the archive: people, places and operations of the records, some misspelt. */
export const JFK_QUERIES = [
  'Did Castro know about the plots to assassinate him?',
  'Oswald visit to the Cuban embassy in Mexico City',
  'What did the CIA station in Miami report about Cuban exiles?',
  'secret negotiations between the United States and Cuba',
  'Who was AMLASH?',
  'Warren Commission inquiry into Oswald in Helsinki',
  'Fidel Castro speech about the United States',
  'Bay of Pigs prisoners release',
  'anti-Castro groups training in Florida',
  'When did Oswald travel to the Soviet Union?',
  'Mafia contacts with the CIA about Castro',
  'Cuban intelligence service DGI agents',
  'Jack Ruby Havana trip',
  'Kennedy assasination investigation',
  'Operation Mongoose sabotage',
  'Castro brother Raul and the Soviets',
];
