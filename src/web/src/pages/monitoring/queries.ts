// The GraphQL documents of the monitoring pages (graphql/monitoring-indicators.graphqls).
import { graphql } from '../../gql';

export const FigureFields = graphql(`
  fragment MonitoringFigureFields on MonitoringFigure {
    indicator { code name group formula unit direction source documents }
    value numerator denominator previousValue change evaluation
    target { plannedValue setAt inherited }
  }
`);

export const DashboardQuery = graphql(`
  query MonitoringDashboard($territory: MonitoringTerritoryInput!, $year: Int!) {
    monitoringDashboard(territory: $territory, year: $year) {
      territory { level id name }
      year
      years
      figures { ...MonitoringFigureFields }
      parts {
        territory { level id name }
        figures {
          indicator { code unit direction }
          value numerator denominator evaluation
          target { plannedValue setAt inherited }
        }
      }
    }
  }
`);

export const DrillDownQuery = graphql(`
  query MonitoringDrillDown($territory: MonitoringTerritoryInput!, $year: Int!, $code: ID!, $countedOnly: Boolean,
                            $first: Int, $after: String) {
    monitoringDrillDown(territory: $territory, year: $year, code: $code, countedOnly: $countedOnly, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          school { id name municipality { id name } }
          teacher { id fullName }
          counted value previousValue detail
        }
      }
    }
  }
`);

export const SetTargetMutation = graphql(`
  mutation SetMonitoringTarget($input: MonitoringTargetInput!) {
    setMonitoringTarget(input: $input) { ...MonitoringFigureFields }
  }
`);
