/** The report's whole style sheet, inlined: the file is read where nothing else can be fetched. */
export const REPORT_STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 24px auto; max-width: 1200px; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 18px; border-bottom: 1px solid #d5dae3; padding-bottom: 4px; margin-top: 32px; } h3 { font-size: 15px; margin: 16px 0 4px; }
.muted { color: #667085; } .warning { color: #b54708; }
table { border-collapse: collapse; margin: 6px 0; } th, td { border: 1px solid #d5dae3; padding: 3px 8px; text-align: left; vertical-align: top; } thead th { background: #f2f4f7; }
td.diagonal { color: #98a2b3; text-align: center; }
.row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure { margin: 0; } figcaption { margin-bottom: 4px; }
.state { padding: 1px 6px; border-radius: 8px; background: #eaecf0; } .state-escalated { background: #fee4e2; } .state-agreed { background: #dcfae6; } .state-adjudicated { background: #d1e9ff; }
.alarm-badge { background: #d92d20; color: #fff; border-radius: 8px; padding: 1px 6px; font-size: 12px; } .warning-badge { background: #fdb022; border-radius: 8px; padding: 1px 6px; font-size: 12px; }
svg.ewma-chart { background: #fff; border: 1px solid #d5dae3; }
svg .baseline { fill: #f2f4f7; } svg .tick { stroke: #eaecf0; } svg .tick-label, svg .x-label { font-size: 10px; fill: #475467; }
svg .centre { stroke: #344054; stroke-dasharray: 4 3; } svg .limit { fill: none; stroke: #f79009; stroke-width: 1.5; } svg .ewma { fill: none; stroke: #1570ef; stroke-width: 2; }
svg .value { fill: #fff; stroke: #475467; stroke-width: 1.2; } svg .unmonitored { fill: #98a2b3; } svg .ewma-point { fill: #1570ef; } svg .ewma-point.alarm { fill: #d92d20; }
ul.legend { list-style: none; padding: 0; margin: 4px 0 0; font-size: 12px; color: #475467; max-width: 520px; } ul.legend li { display: inline-block; margin-right: 10px; } ul.legend li.reference { display: block; }
.key { display: inline-block; width: 14px; height: 0; vertical-align: middle; border-top: 2px solid; } .key-value { width: 6px; height: 6px; border: 1.2px solid #475467; border-radius: 50%; }
.key-unmonitored { width: 6px; height: 6px; border: 0; background: #98a2b3; } .key-loo { border-top-width: 1px; border-color: #5a6a7a; } .key-ewma { border-color: #1570ef; } .key-centre { border-top-style: dashed; border-color: #344054; } .key-limit { border-color: #f79009; } .key-alarm { width: 8px; height: 8px; border: 0; background: #d92d20; border-radius: 50%; }
.loo { margin-top: 6px; } .loo-caption { font-size: 12px; } svg.loo-chart { background: #fff; } svg .loo-line { fill: none; stroke: #5a6a7a; stroke-width: 1; } svg .loo-point { fill: #5a6a7a; }
ul.recalibration li { margin-bottom: 8px; }
`;
