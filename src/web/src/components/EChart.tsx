import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent, MarkLineComponent, DataZoomComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only the ECharts parts the pages use; this module lives in the chunks of the pages that chart.
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent,
  MarkLineComponent, DataZoomComponent, CanvasRenderer]);

export function EChart({ option, className, label, onClick }: {
  option: EChartsCoreOption;
  className?: string;
  label: string;
  onClick?: (params: { data?: unknown; dataIndex: number; seriesIndex?: number }) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current);
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); instance.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    instance.on('click', onClick as never);
    return () => { instance.off('click'); };
  }, [onClick]);

  return <div ref={host} className={className ?? 'chart'} role="img" aria-label={label} />;
}
