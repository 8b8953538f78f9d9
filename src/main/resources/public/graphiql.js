// GraphiQL with a login box (served as a file: the CSP allows no inline script).
// The token lives only in this tab's memory; reload means log in again.
let token = null;
const fetcher = GraphiQL.createFetcher({
  url: '/graphql',
  fetch: (url, opts) => fetch(url, {...opts, headers: {...opts.headers, ...(token ? {Authorization: 'Bearer ' + token} : {})}})
});
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(React.createElement(GraphiQL, {
  fetcher,
  defaultQuery: '# Войдите сверху справа, затем выполните запрос\n{\n  me { username roles regionId }\n}\n'
}));
document.getElementById('login').onclick = async () => {
  const user = document.getElementById('user');
  const pass = document.getElementById('pass');
  const who = document.getElementById('who');
  const res = await fetch('/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username: user.value, password: pass.value})});
  if (res.ok) {
    token = (await res.json()).access_token;
    who.textContent = user.value;
    pass.value = '';
  } else if (res.status === 429) {
    who.textContent = 'слишком много попыток, повторите через ' + (res.headers.get('Retry-After') || '…') + ' с';
  } else {
    who.textContent = 'неверный логин или пароль';
  }
};
