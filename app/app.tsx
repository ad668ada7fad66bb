export function App() {
  return <h1>Quotalens</h1>;
}
