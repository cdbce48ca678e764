/*
 * Tasklist sorts the task list by what its sort control puts into the page address, and
 * without one it falls back to "Created, newest first". A working day should start with the
 * most urgent case, then the nearest deadline: whenever the list is opened without a sorting
 * of its own, this one is put in. A sorting the user picks stays in the address and is kept.
 */
define(['angular'], function (angular) {
  'use strict';

  var WORKING_DAY = JSON.stringify([
    { sortBy: 'priority', sortOrder: 'desc' },
    { sortBy: 'dueDate', sortOrder: 'asc' }
  ]);

  return angular.module('rma.tasklist', []).run(['$rootScope', '$location', function ($rootScope, $location) {
    function startWorkingDaySorted() {
      if ($location.path() === '/' && !$location.search().sorting) {
        $location.search('sorting', WORKING_DAY).replace();
      }
    }
    $rootScope.$on('$locationChangeSuccess', startWorkingDaySorted);
  }]);
});
