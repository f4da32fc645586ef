// Hand-written files in BFCL's format (one JSON object a line), one or two cases per category.
// Made up for these tests; no BFCL data.

const area = {
  name: 'geometry.circle_area',
  description: 'Area of a circle.',
  parameters: {
    type: 'dict',
    properties: {
      radius: { type: 'float', description: 'The radius.' },
      units: { type: 'string', description: 'Length unit.', enum: ['cm', 'm'] },
    },
    required: ['radius'],
  },
};

const forecast = {
  name: 'weather.forecast',
  description: 'Forecast for a city.',
  parameters: {
    type: 'dict',
    properties: {
      city: { type: 'string', description: 'City name.' },
      days: { type: 'integer', description: 'How many days.' },
      hours: { type: 'tuple', items: { type: 'integer' }, description: 'Hours of the day.' },
      extra: { type: 'any', description: 'Anything.' },
    },
    required: ['city'],
  },
};

const book = {
  name: 'hotel.book',
  description: 'Book a room.',
  parameters: {
    type: 'dict',
    properties: {
      guest: {
        type: 'dict',
        description: 'Who stays.',
        properties: { name: { type: 'string' }, vip: { type: 'boolean' } },
      },
      nights: { type: 'integer' },
    },
    required: ['guest', 'nights'],
  },
};

const user = (content: string) => [[{ role: 'user', content }]];

export const BFCL_QUESTIONS = [
  { id: 'simple_python_0', question: user('Area of a circle of radius 2 cm?'), function: [area] },
  { id: 'multiple_0', question: user('Weather in San Francisco for 3 days?'), function: [area, forecast] },
  {
    id: 'parallel_0',
    question: user('Weather in Paris and in Rome, tomorrow.'),
    function: [forecast],
  },
  {
    id: 'parallel_multiple_0',
    question: user('Book 2 nights for Ann, and the area of a circle of radius 1.'),
    function: [book, area],
  },
  { id: 'irrelevance_0', question: user('Who wrote Hamlet?'), function: [area] },
];

export const BFCL_ANSWERS = [
  {
    id: 'simple_python_0',
    ground_truth: [{ 'geometry.circle_area': { radius: [2.0, 2], units: ['cm', ''] } }],
  },
  {
    id: 'multiple_0',
    ground_truth: [
      { 'weather.forecast': { city: ['San Francisco', 'SF'], days: [3], hours: [''], extra: [''] } },
    ],
  },
  {
    id: 'parallel_0',
    ground_truth: [
      { 'weather.forecast': { city: ['Paris'], days: [1, ''], hours: [''], extra: [''] } },
      { 'weather.forecast': { city: ['Rome'], days: [1, ''], hours: [''], extra: [''] } },
    ],
  },
  {
    id: 'parallel_multiple_0',
    ground_truth: [
      { 'hotel.book': { guest: [{ name: ['Ann', 'Anne'], vip: [true, ''] }], nights: [2] } },
      { 'geometry.circle_area': { radius: [1.0], units: [''] } },
    ],
  },
];

export const jsonLines = (records: readonly unknown[]): string =>
  records.map((r) => JSON.stringify(r)).join('\n') + '\n';
