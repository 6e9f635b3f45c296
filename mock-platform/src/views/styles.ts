/** The platform pages' stylesheet (inline, so pages need no other request). Brand green as in the UI guidelines. */
export const styles = `
:root{--brand:#2b7367;--brand-dark:#1f554c;--ink:#1d2327;--muted:#5a6670;--bg:#f4f7f6;--card:#fff;--danger:#b3261e}
*{box-sizing:border-box}body{margin:0;font-family:system-ui,"Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;color:var(--ink);background:var(--bg)}
.banner{background:#fff4ce;color:#5c4700;font-size:12px;padding:6px 12px;text-align:center}
main{max-width:720px;margin:24px auto;padding:0 16px}
.phone main{max-width:400px;margin:12px auto;background:var(--card);border-radius:28px;box-shadow:0 8px 30px #0002;padding:20px;min-height:700px}
.card{background:var(--card);border-radius:12px;padding:24px;box-shadow:0 2px 10px #0001;margin-bottom:16px}
h1{font-size:22px;margin:0 0 12px}h2{font-size:17px;margin:20px 0 8px}
.muted{color:var(--muted);font-size:14px}
.qr{display:flex;justify-content:center;margin:16px 0}.qr svg{width:240px;height:240px}
.btn{display:inline-block;border:0;border-radius:8px;padding:12px 18px;font-size:16px;cursor:pointer;text-decoration:none;text-align:center;background:var(--brand);color:#fff;min-width:140px}
.btn:hover{background:var(--brand-dark)}.btn.secondary{background:#e4ecea;color:var(--ink)}.btn.danger{background:var(--danger)}
.btn.block{display:block;width:100%;margin:8px 0}
.code{font-size:40px;letter-spacing:10px;font-weight:700;text-align:center;color:var(--brand)}
.error{border-left:4px solid var(--danger)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 12px}dt{color:var(--muted)}dd{margin:0}
ul.list{list-style:none;padding:0;margin:0}ul.list li{padding:10px 0;border-bottom:1px solid #e6ecea}
input[type=text],input[type=search],select{width:100%;padding:10px;border:1px solid #c7d2cf;border-radius:8px;font-size:15px}
.row{display:flex;gap:8px;align-items:center;justify-content:space-between}
.pill{display:inline-block;font-size:12px;border-radius:10px;padding:2px 8px;background:#e4ecea}
.langs a{margin-right:8px;font-size:13px}
`
