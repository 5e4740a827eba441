// Words of the narrowed roles (issue 17 "Roles and access"): grid workers' and leaders' grids, liaisons' queues.
export const rolesZh = {
  narrowing: {
    grids: '负责的网格',
    gridsPlaceholder: '选择本社区的网格（可多选）',
    noGrids: '该组织下没有网格：网格员、网格长的授权应落在划有网格的社区',
    gridCount: '{n} 个网格',
    unit: '成员单位',
    unitPlaceholder: '选择本组织牵头的大工委/大党委成员单位',
    noUnits: '该组织没有牵头的大工委/大党委成员单位',
  },
  queue: {
    title: '本部门/本单位待报到',
    subtitle: '街道、社区吹哨到本部门或本单位的事件：按时报到，事不完、人不撤。点击一行进入事件报到。',
    tabs: { open: '待报到', reported: '已报到', closed: '已撤离' },
    target: '吹哨对象',
    reportBy: '报到时限',
    late: '已超时',
    empty: '没有吹哨到本部门或本单位的事件',
    myGrid: '我的网格',
  },
};

export const rolesEn: typeof rolesZh = {
  narrowing: {
    grids: 'Grids in charge',
    gridsPlaceholder: 'Pick grids of the community (several allowed)',
    noGrids: 'No grids here: a grid worker or grid leader is granted on a community with grids',
    gridCount: '{n} grids',
    unit: 'Member unit',
    unitPlaceholder: 'Pick a member unit of an overlay this organization hosts',
    noUnits: 'This organization hosts no overlay with member units',
  },
  queue: {
    title: 'Whistled to my department or unit',
    subtitle: 'Events a street or community whistled to your department or unit: report on time, and stay until done. Open a row to report.',
    tabs: { open: 'To report', reported: 'Reported', closed: 'Left' },
    target: 'Whistled to',
    reportBy: 'Report by',
    late: 'Late',
    empty: 'Nothing was whistled to your department or unit',
    myGrid: 'My grids',
  },
};
