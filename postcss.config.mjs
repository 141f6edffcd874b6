// Tailwind CSS 4 builds app/globals.css (decision record 0023).
export default { plugins: { "@tailwindcss/postcss": {} } };
